package io.micronats.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line runner: report files, verdicts, exit codes, --jar loading and usage errors. */
class TckMainTest {

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return TckMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void theInMemoryPluginIsCompatibleAndTheReportFollowsTheSchema(@TempDir Path dir) throws IOException {
    int status = run("--plugin", "memory", "--capability", "EXCLUSIVE_LISTEN", "--capability", "wildcard_subscriptions",
        "--capability", "REGISTRY_TTL", "--out", dir.toString());
    String json = Files.readString(dir.resolve("tck-report.json"));
    assertThat(status).as(out + "\n" + err).isZero();
    assertThat(json).contains("\"schemaVersion\": 1", "\"kind\": \"micronats-tck-report\"", "\"plugin\": \"memory\"",
        "\"verdict\": \"COMPATIBLE\"", "\"capabilities\": [\"EXCLUSIVE_LISTEN\", \"WILDCARD_SUBSCRIPTIONS\", \"REGISTRY_TTL\"]",
        "\"waitTimeoutMillis\": ", "\"quietWindowMillis\": ", "\"seed\": ", "\"cores\": ", "\"failed\": 0",
        "{\"id\": \"TRN-001\", \"area\": \"transport\", \"level\": \"REQUIRED\", \"capability\": null",
        "\"status\": \"SKIPPED\", \"message\": \"TRN-028 skipped: capability BACKEND_RESTART not declared\"");
    assertThat(json.split("\"id\": ").length - 1).isGreaterThanOrEqualTo(70);
    assertThat(Files.readString(dir.resolve("tck-report.md"))).contains("**Verdict: COMPATIBLE**", "| TRN-001 |");
    try (var junit = Files.list(dir.resolve("junit"))) {
      assertThat(junit.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("TEST-") && n.endsWith(".xml"));
    }
  }

  @Test
  void aBrokenPluginFromAJarIsNotCompatible(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("broken-plugin.jar");
    try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
      j.putNextEntry(new JarEntry("META-INF/services/io.micronats.spi.plugin.RegistryProvider"));
      j.write((BrokenRegistryProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      j.closeEntry();
    }
    assertThat(run("--plugin", "broken", "--out", dir.resolve("without-jar").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--plugin broken");
    System.setProperty("micronats.tck.waitTimeoutMillis", "1500");
    int status;
    try {
      status = run("--plugin", "broken", "--jar", jar.toString(), "--out", dir.resolve("report").toString());
    } finally {
      System.clearProperty("micronats.tck.waitTimeoutMillis");
    }
    String json = Files.readString(dir.resolve("report/tck-report.json"));
    assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);
    assertThat(json).contains("\"verdict\": \"NOT_COMPATIBLE\"", "\"message\": \"TRN-001 skipped: broken provides no transport\"");
    assertThat(json).containsPattern("\"id\": \"REG-004\"[^}]*\"status\": \"FAILED\", \"message\": \"REG-004 \\[REQUIRED\\] expected");
  }

  @Test
  void usageErrorsExitWithTwoAndNameTheArgument() {
    assertThat(run("--out", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--plugin NAME is required");
    assertThat(run("--plugin", "memory", "--capability", "TELEPATHY", "--out", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--capability TELEPATHY");
    assertThat(run("--plugin", "memory", "--frobnicate", "1", "--out", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("'--frobnicate'");
    assertThat(run("--plugin", "memory", "--config", "novalue", "--out", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--config novalue");
    assertThat(run("--plugin", "memory")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out DIR is required");
    assertThat(run("--plugin", "memory", "--capability", "BACKEND_RESTART", "--out", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("BackendControl");
  }
}
