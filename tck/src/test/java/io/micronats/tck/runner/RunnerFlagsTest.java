package io.micronats.tck.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's conventions: --help, --version, --option=value, --seed, --timeout-multiplier, the rerun line. */
class RunnerFlagsTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return TckMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpAndVersionExitZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: micronats tck --plugin NAME").contains("--seed N").contains("Exit status");
    out.reset();
    assertThat(run("-h")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--timeout-multiplier X");
    out.reset();
    assertThat(run("--version")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("micronats TCK ");
  }

  @Test
  void optionsTakeTheAttachedForm() {
    RunnerArgs a = RunnerArgs.parse("--plugin=memory", "--capability=registry_ttl", "--config=namespace=x", "--seed=42",
        "--timeout-multiplier=2.5", "--out=dir");
    assertThat(a.plugin()).isEqualTo("memory");
    assertThat(a.config()).containsEntry("namespace", "x");
    assertThat(a.seed()).isEqualTo(42L);
    assertThat(a.timeoutMultiplier()).isEqualTo(2.5);
    assertThat(a.out()).isEqualTo(Path.of("dir"));
  }

  @Test
  void badSeedAndMultiplierAreUsageErrors() {
    assertThat(run("--plugin", "memory", "--seed", "abc", "--out", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--seed abc");
    assertThat(run("--plugin", "memory", "--timeout-multiplier", "0", "--out", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--timeout-multiplier 0: must be > 0");
  }

  @Test
  void aWrongPluginNameListsTheAvailablePlugins(@TempDir Path dir) {
    assertThat(run("--plugin", "acmee", "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("'acmee'").contains("available plugins: [").contains("memory");
  }

  @Test
  void theRerunLineReproducesTheRunWithItsJarsConfigAndSeed(@TempDir Path dir) throws IOException {
    Path jar = Files.write(dir.resolve("empty.jar"), new byte[0]);
    RunnerArgs args = RunnerArgs.parse("--plugin", "memory", "--jar", jar.toString(), "--capability", "REGISTRY_TTL",
        "--config", "namespace=a b", "--out", dir.resolve("r").toString());
    String rerun = RerunCommand.of(args, 1234, 3.0);
    assertThat(rerun).isEqualTo("./micronats tck --plugin memory --jar " + jar.toAbsolutePath()
        + " --capability REGISTRY_TTL --config 'namespace=a b' --seed 1234 --timeout-multiplier 3.0 --out " + dir.resolve("r"));
    RunnerArgs again = RunnerArgs.parse(rerun.substring("./micronats tck ".length()).replace("'namespace=a b'", "namespace=a b")
        .split(" (?=--)|(?<=--[a-z-]{1,30}) "));
    assertThat(again.seed()).isEqualTo(1234L);
    assertThat(again.jars()).containsExactly(jar.toAbsolutePath());
    assertThat(again.config()).containsEntry("namespace", "a b");
    assertThat(again.timeoutMultiplier()).isEqualTo(3.0);
  }

  @Test
  void theSeedGivenIsTheSeedUsedAndTheReportSaysHowToRerun(@TempDir Path dir) throws IOException {
    int status = run("--plugin", "memory", "--capability", "EXCLUSIVE_LISTEN", "--capability", "WILDCARD_SUBSCRIPTIONS",
        "--capability", "REGISTRY_TTL", "--seed", "987654321", "--timeout-multiplier=2", "--out", dir.toString());
    assertThat(status).as(out + "\n" + err).isZero();
    assertThat(Files.readString(dir.resolve("tck-report.json"))).contains("\"seed\": 987654321");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("(rerun: --seed 987654321)").doesNotContain("-Dmicronats.tck.seed");
    String md = Files.readString(dir.resolve("tck-report.md"));
    Matcher rerun = Pattern.compile("- Rerun: `([^`]*)`").matcher(md);
    assertThat(rerun.find()).as(md).isTrue();
    assertThat(rerun.group(1)).contains("--seed 987654321", "--timeout-multiplier 2.0", "--capability REGISTRY_TTL",
        "--out " + dir);
  }

  @Test
  void theJUnitXmlNamesThePlugin(@TempDir Path dir) throws IOException {
    assertThat(run("--plugin", "memory", "--capability", "EXCLUSIVE_LISTEN", "--capability", "WILDCARD_SUBSCRIPTIONS",
        "--capability", "REGISTRY_TTL", "--out", dir.toString())).as(out + "\n" + err).isZero();
    Path xml = dir.resolve("junit/TEST-micronats-tck-memory.xml");
    String text = Files.readString(xml);
    assertThat(text).contains("<testsuite name=\"micronats TCK: memory\"")
        .contains("classname=\"micronats.tck.memory.RegistryLookup\"").doesNotContain("classname=\"io.micronats.tck.MicronatsTck$");
    try (var files = Files.list(dir.resolve("junit"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("TEST-micronats-tck-memory.xml");
    }
  }
}
