package io.micronats.reports.model;

import static io.micronats.reports.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TckReportReaderTest {
  @Test
  void goldenVersion1ReadsEveryField() throws IOException {
    TckReport r = TckReportReader.fromJson(text("golden/tck/v1/tck-report.json"), "golden");
    assertThat(r.tckVersion()).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(r.plugin()).isEqualTo("memory");
    assertThat(r.capabilities()).isEmpty();
    assertThat(r.environment()).containsEntry("seed", 12345).containsEntry("os", "Linux");
    assertThat(r.startedAt()).isEqualTo(Instant.parse("2026-11-27T12:00:00Z"));
    assertThat(r.durationMillis()).isEqualTo(41234);
    assertThat(r.verdict()).isEqualTo(TckVerdict.COMPATIBLE);
    assertThat(r.counts()).isEqualTo(new TckCounts(3, 1, 1, 1));
    TckRule failed = r.rules().get(1);
    assertThat(failed.id()).isEqualTo("BRK-004");
    assertThat(failed.level()).isEqualTo(TckLevel.RECOMMENDED);
    assertThat(failed.status()).isEqualTo(TckStatus.FAILED);
    assertThat(failed.message()).contains("message 17 arrived before message 16");
    assertThat(failed.capability()).isEmpty();
    assertThat(r.rules().get(0).message()).isEmpty();
    assertThat(r.rules().get(2).capability()).contains("QUEUE_GROUPS");
  }

  @Test
  void samplesRead() throws IOException {
    assertThat(TckReportReader.fromJson(text("samples/tck-nats.json"), "nats").counts().failed()).isEqualTo(2);
    assertThat(TckReportReader.fromJson(text("samples/tck-memory.json"), "memory").rules()).hasSize(18);
  }

  @Test
  void newerSchemaVersionFails() throws IOException {
    String newer = text("golden/tck/v1/tck-report.json").replace("\"schemaVersion\": 1", "\"schemaVersion\": 7");
    UnsupportedSchemaVersionException e = assertThrows(UnsupportedSchemaVersionException.class,
        () -> TckReportReader.fromJson(newer, "tck.json"));
    assertThat(e.getMessage()).contains("micronats-tck-report schemaVersion 7 is newer");
  }

  @Test
  void inconsistentCountsAreRejected() throws IOException {
    String broken = text("golden/tck/v1/tck-report.json").replace("\"total\": 3", "\"total\": 4");
    ResultsFormatException e = assertThrows(ResultsFormatException.class,
        () -> TckReportReader.fromJson(broken, "tck.json"));
    assertThat(e.getMessage()).contains("counts").contains("must equal passed + failed + skipped");
  }

  @Test
  void anUnknownStatusIsRejectedNamingTheField() throws IOException {
    String broken = text("golden/tck/v1/tck-report.json").replace("\"status\": \"PASSED\"", "\"status\": \"GREEN\"");
    ResultsFormatException e = assertThrows(ResultsFormatException.class,
        () -> TckReportReader.fromJson(broken, "tck.json"));
    assertThat(e.getMessage()).contains("rules[0].status").contains("GREEN");
  }
}
