package io.micronats.nats.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShutdownHookTest {

  @Test
  void jvmExitKillsTheServersOfAnUnclosedCluster() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        ExitWithoutCloseMain.class.getName()).redirectErrorStream(true).start();
    boolean exited = child.waitFor(60, TimeUnit.SECONDS);
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!exited) {
      child.destroyForcibly();
    }
    assertThat(exited).as("child JVM exited; output:%n%s", out).isTrue();

    List<Long> pids = new ArrayList<>();
    Path dir = null;
    for (String line : out.split("\n", -1)) {
      if (line.startsWith("PID ")) {
        pids.add(Long.parseLong(line.substring(4).trim()));
      } else if (line.startsWith("DIR ")) {
        dir = Path.of(line.substring(4).trim());
      }
    }
    assertThat(pids).as("output:%n%s", out).hasSize(2);
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid %s", pid).isFalse();
    }
    assertThat(dir).isNotNull();
    assertThat(Files.exists(dir)).isFalse();
  }
}
