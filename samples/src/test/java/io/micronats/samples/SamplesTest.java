package io.micronats.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin author's and the platform engineer's first steps, as an outsider takes them: the
 * external project {@code samples/acme-plugin} (its pom is the README's snippet) is copied out of
 * the checkout and built with Maven against the micronats artifacts this build installed, on
 * JUnit 5.10 and on the current JUnit; with Maven's default Surefire it must fail loudly; and
 * {@code ./micronats simulate --jar} load-tests the plugin jar it built, run from another
 * directory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SamplesTest {
  private static final Path CHECKOUT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SAMPLE = CHECKOUT.resolve("samples/acme-plugin");
  private static final Pattern TESTCASE = Pattern.compile("<testcase ");
  private static final Pattern PROBLEM = Pattern.compile("<(failure|error)[ >]");

  @TempDir static Path work;

  record Outcome(int code, String out) {}

  @Test
  @Order(1)
  void thePluginPassesTheTckOnJUnitFiveTen() throws Exception {
    Path project = copySample("junit510");
    Outcome build = maven(project, "-Djunit.version=5.10.2", "package");
    assertThat(build.code()).as(build.out()).isZero();
    String classPath = assertEveryRuleRan(project);
    assertThat(classPath).contains("junit-jupiter-api-5.10.2.jar", "junit-jupiter-engine-5.10.2.jar",
        "junit-platform-engine-1.10.2.jar").doesNotContain("junit-platform-launcher-1.1", "junit-platform-reporting");
  }

  @Test
  @Order(2)
  void thePluginPassesTheTckOnTheCurrentJUnit() throws Exception {
    Path project = copySample("current");
    String junit = System.getProperty("micronats.junitVersion");
    Outcome build = maven(project, "-Djunit.version=" + junit, "package");
    assertThat(build.code()).as(build.out()).isZero();
    assertThat(assertEveryRuleRan(project)).contains("junit-jupiter-api-" + junit + ".jar");
    assertThat(project.resolve("target/acme-plugin-1.0.0.jar")).isRegularFile();
  }

  @Test
  @Order(3)
  void mavensDefaultSurefireIsRefusedNamingTheFix() throws Exception {
    Path project = copySample("default-surefire");
    String pom = Files.readString(project.resolve("pom.xml"));
    String withoutSurefire = pom.replaceAll("(?s)<!-- surefire:.*?<!-- /surefire -->", "");
    assertThat(withoutSurefire).doesNotContain("maven-surefire-plugin");
    Files.writeString(project.resolve("pom.xml"), withoutSurefire);
    Outcome build = maven(project, "test");
    assertThat(build.code()).as(build.out()).isNotZero();
    assertThat(build.out()).contains("maven-surefire-plugin:2.12.4").contains("does not know JUnit 5")
        .contains("junit-bom").contains("Verify your plugin");
  }

  @Test
  @Order(4)
  void simulateJarLoadTestsThePluginFromAnotherDirectory() throws Exception {
    Path jar = work.resolve("current/target/acme-plugin-1.0.0.jar");
    assertThat(jar).as("built by thePluginPassesTheTckOnTheCurrentJUnit").isRegularFile();
    Path caller = Files.createDirectories(work.resolve("elsewhere"));
    Files.createDirectories(caller.resolve("plugins"));
    Files.copy(jar, caller.resolve("plugins/acme.jar"));
    Files.copy(SAMPLE.resolve("acme.yaml"), caller.resolve("acme.yaml"));

    Outcome missing = launch(caller, "simulate", "acme.yaml", "--out", "out", "--validate-only");
    assertThat(missing.code()).as(missing.out()).isEqualTo(3);
    assertThat(missing.out()).contains("no plugin named 'acme'").contains("available: [memory, nats]").contains("--jar");

    Outcome run = launch(caller, "simulate", "--jar", "plugins/acme.jar", "acme.yaml", "--out", "out", "-q",
        "--no-histogram-logs");
    assertThat(run.code()).as(run.out()).isZero();
    String results = Files.readString(caller.resolve("out/results.json"));
    assertThat(results).contains("\"acme\"");
  }

  private static String assertEveryRuleRan(Path project) throws IOException {
    Path xml = project.resolve("target/surefire-reports/TEST-com.example.acme.AcmeTckTest.xml");
    String report = Files.readString(xml);
    assertThat(count(TESTCASE, report)).as("rule tests in " + xml).isGreaterThanOrEqualTo(100);
    assertThat(count(PROBLEM, report)).as("failed rules in " + xml).isZero();
    return report;
  }

  private static int count(Pattern p, String text) {
    Matcher m = p.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static Path copySample(String name) throws IOException {
    Path target = work.resolve(name);
    try (Stream<Path> files = Files.walk(SAMPLE)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path rel = SAMPLE.relativize(f);
        if (rel.startsWith("target")) {
          continue;
        }
        Path to = target.resolve(rel.toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    return target;
  }

  /** Maven in {@code project}, on this build's local repository (offline when this build is). */
  private static Outcome maven(Path project, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-ntp",
        "-Dmaven.repo.local=" + System.getProperty("micronats.localRepository"),
        "-Dmicronats.version=" + System.getProperty("micronats.version")));
    if ("offline=true".equals(System.getProperty("micronats.mavenOffline"))) {
      command.add("-o");
    }
    command.addAll(List.of(args));
    return run(new ProcessBuilder(command).directory(project.toFile()), 240);
  }

  private static Outcome launch(Path cwd, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", CHECKOUT.resolve("micronats").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().put("MICRONATS_CLASSPATH", System.getProperty("java.class.path"));
    return run(pb, 120);
  }

  private static Outcome run(ProcessBuilder pb, int seconds) throws Exception {
    pb.redirectErrorStream(true);
    pb.environment().remove("MAVEN_OPTS");  // the parent's settings must not leak in; args say all
    Path log = Files.createTempFile(work, "out", ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(pb.command() + " did not finish within " + seconds + " s:\n" + Files.readString(log));
    }
    return new Outcome(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
