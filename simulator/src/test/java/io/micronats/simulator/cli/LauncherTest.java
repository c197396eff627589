package io.micronats.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./micronats} launcher as a user runs it: from a directory outside the checkout, with
 * relative path arguments. {@code MICRONATS_CLASSPATH} (this test's class path) stands in for the
 * launcher's own build, which must not run inside this build.
 */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("..", "micronats").toAbsolutePath().normalize();

  @TempDir Path callerDir;

  record Outcome(int code, String out) {}

  static Outcome launch(Path cwd, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
    pb.environment().put("MICRONATS_CLASSPATH", System.getProperty("java.class.path"));
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] output = p.getInputStream().readAllBytes();  // ends when the process ends
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("launcher did not finish within 120 s: " + command);
    }
    return new Outcome(p.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  @Test
  void simulateResolvesTheScenarioAndOutAgainstTheCallersDirectory() throws Exception {
    Files.createDirectories(callerDir.resolve("scen"));
    Files.writeString(callerDir.resolve("scen/tiny.yaml"), """
        name: tiny
        implementation: memory
        fleet: {services: 5}
        phases: {warmup: 200ms, measured: 1s, cooldown: 100ms}
        workloads:
          discovery: {rate: 20}
          rpc: {rate: 100}
          broker: {enabled: false}
          baseline: {enabled: false}
        """);
    Outcome run = launch(callerDir, "simulate", "scen/tiny.yaml", "--out", "out", "-q", "--no-histogram-logs");
    assertThat(run.code()).as(run.out()).isEqualTo(ExitCodes.OK);
    assertThat(callerDir.resolve("out/results.json")).as(run.out()).isRegularFile();

    Outcome report = launch(callerDir, "report", "out", "--out", "rep");
    assertThat(report.code()).as(report.out()).isEqualTo(ExitCodes.OK);
    assertThat(callerDir.resolve("rep/index.html")).isRegularFile();
  }

  @Test
  void anUnknownCommandIsAUsageErrorWithExitTwo() throws Exception {
    Outcome run = launch(callerDir, "frobnicate");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).contains("unknown command 'frobnicate'");
  }

  @Test
  void helpOfACommandPrintsThatCommandsUsage() throws Exception {
    Outcome run = launch(callerDir, "help", "simulate");
    assertThat(run.code()).as(run.out()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("Usage: micronats simulate");
  }

  @Test
  void versionNamesTheProjectJnatsAndNatsServer() throws Exception {
    Outcome run = launch(callerDir, "--version");
    assertThat(run.code()).as(run.out()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).containsPattern("micronats \\d+\\.\\d+").containsPattern("jnats \\d+\\.\\d+")
        .containsPattern("nats-server v?\\d+\\.\\d+");
  }

  @Test
  void ctrlCSaysWhereThePartialResultsAre() throws Exception {
    Files.writeString(callerDir.resolve("long.yaml"), """
        name: long
        implementation: memory
        fleet: {services: 5}
        phases: {warmup: 1s, measured: 5m, cooldown: 100ms}
        workloads:
          rpc: {rate: 50}
          discovery: {enabled: false}
          broker: {enabled: false}
          baseline: {enabled: false}
        """);
    Path log = callerDir.resolve("launcher.log");
    ProcessBuilder pb = new ProcessBuilder("bash", LAUNCHER.toString(), "simulate", "long.yaml", "--out", "partial")
        .directory(callerDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("MICRONATS_CLASSPATH", System.getProperty("java.class.path"));
    Process p = pb.start();  // the launcher execs java: this pid is the JVM's
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(log).contains("  .. ") && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(200);  // polling for the first progress line, bounded by the deadline
      }
      assertThat(Files.readString(log)).as("a progress line before the interrupt").contains("  .. ");
      new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(Files.readString(log)).isTrue();
      assertThat(p.exitValue()).isEqualTo(ExitCodes.INTERRUPTED);
      assertThat(Files.readString(log)).contains("interrupted: partial results in "
          + callerDir.toRealPath().resolve("partial"));
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void logLevelOptionsAreAcceptedByEveryCommandAndAnUnknownLevelIsAUsageError() throws Exception {
    assertThat(launch(callerDir, "simulate", "--log-level=debug", "--help").code()).isEqualTo(ExitCodes.OK);
    assertThat(launch(callerDir, "report", "--verbose", "--help").code()).isEqualTo(ExitCodes.OK);
    Outcome bad = launch(callerDir, "simulate", "--log-level", "loud", "--help");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.out()).contains("--log-level loud");
  }
}
