package io.micronats.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.reports.model.TckReport;
import io.micronats.reports.model.TckReportReader;
import io.micronats.reports.model.TckRule;
import io.micronats.reports.model.TckStatus;
import io.micronats.reports.model.TckVerdict;
import io.micronats.tck.runner.TckMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TCK writes {@code tck-report.json} by hand (its module may not depend on Jackson or on
 * {@code reports}); this reads freshly written reports with the reports module's reader, so the
 * writer and the reader cannot drift apart unnoticed.
 */
class TckReportRoundTripTest {
  private static final Pattern RULE_ID = Pattern.compile("\"id\": \"[A-Z]+-\\d+\"");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private int runTck(String... args) {
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    return TckMain.run(args, print, print);
  }

  @Test
  void aCompatibleReportReadsBackWithEveryRuleAndConsistentCounts(@TempDir Path dir) throws IOException {
    int status = runTck("--plugin", "memory", "--capability", "EXCLUSIVE_LISTEN", "--capability",
        "WILDCARD_SUBSCRIPTIONS", "--capability", "REGISTRY_TTL", "--out", dir.toString());
    assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
    Path file = dir.resolve("tck-report.json");

    TckReport report = TckReportReader.read(file);

    assertThat(report.plugin()).isEqualTo("memory");
    assertThat(report.verdict()).isEqualTo(TckVerdict.COMPATIBLE);
    assertThat(report.capabilities()).containsExactly("EXCLUSIVE_LISTEN", "WILDCARD_SUBSCRIPTIONS", "REGISTRY_TTL");
    assertThat(report.rules()).hasSize((int) RULE_ID.matcher(Files.readString(file)).results().count());
    assertCountsAgree(report);
    assertThat(report.rules()).filteredOn(r -> r.id().equals("TRN-028")).singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(TckStatus.SKIPPED))
        .satisfies(r -> assertThat(r.message()).hasValueSatisfying(m -> assertThat(m).contains("BACKEND_RESTART")));
  }

  @Test
  void aFailedRuleReadsBackWithItsMessage(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("forgetful.jar");
    try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
      j.putNextEntry(new JarEntry("META-INF/services/io.micronats.spi.plugin.RegistryProvider"));
      j.write((ForgetfulRegistryProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      j.closeEntry();
    }
    System.setProperty("micronats.tck.waitTimeoutMillis", "1500");
    int status;
    try {
      status = runTck("--plugin", "forgetful", "--jar", jar.toString(), "--out", dir.resolve("report").toString());
    } finally {
      System.clearProperty("micronats.tck.waitTimeoutMillis");
    }
    assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);

    TckReport report = TckReportReader.read(dir.resolve("report/tck-report.json"));

    assertThat(report.verdict()).isEqualTo(TckVerdict.NOT_COMPATIBLE);
    assertCountsAgree(report);
    assertThat(report.counts().failed()).isPositive();
    assertThat(report.rules()).filteredOn(r -> r.id().equals("REG-004")).singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(TckStatus.FAILED))
        .satisfies(r -> assertThat(r.message()).hasValueSatisfying(m -> assertThat(m).startsWith("REG-004 [REQUIRED]")));
  }

  private static void assertCountsAgree(TckReport report) {
    assertThat(report.counts().total()).isEqualTo(report.rules().size());
    assertThat(report.counts().passed()).isEqualTo(count(report, TckStatus.PASSED));
    assertThat(report.counts().failed()).isEqualTo(count(report, TckStatus.FAILED));
    assertThat(report.counts().skipped()).isEqualTo(count(report, TckStatus.SKIPPED));
  }

  private static int count(TckReport report, TckStatus status) {
    return report.rules().stream().map(TckRule::status).filter(status::equals).mapToInt(s -> 1).sum();
  }
}
