package io.micronats.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronats.reports.model.ResultsFormatException;
import io.micronats.reports.model.RunResult;
import io.micronats.reports.model.Scenario;
import io.micronats.reports.model.UnsupportedSchemaVersionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
  @Test
  void writesIndexHtmlAndReportMdForOneResult(@TempDir Path out) throws IOException {
    List<Path> written = Reports.write(List.of(Fixtures.path("samples/results-nats-3-nodes.json")), out.resolve("r"));
    assertThat(written).containsExactly(out.resolve("r/index.html"), out.resolve("r/report.md"));
    assertThat(Files.readString(written.get(0))).startsWith("<!DOCTYPE html>");
    assertThat(Files.readString(written.get(1))).startsWith("# micronats report");
  }

  @Test
  void detectsSimulatorResultsAndTckReportsByKind() throws IOException {
    ReportSet set = Reports.read(List.of(Fixtures.path("samples/tck-nats.json"),
        Fixtures.path("samples/results-nats-3-nodes.json"), Fixtures.path("samples/tck-memory.json")));
    assertThat(set.results()).extracting(NamedResult::source).containsExactly("results-nats-3-nodes.json");
    assertThat(set.tckReports()).extracting(NamedTckReport::name).containsExactly("nats", "memory");
  }

  @Test
  void aFileOfAnotherKindIsRejectedNamingBothKinds(@TempDir Path dir) throws IOException {
    Path odd = dir.resolve("odd.json");
    Files.writeString(odd, "{\"schemaVersion\":1,\"kind\":\"something-else\"}");
    ResultsFormatException e = assertThrows(ResultsFormatException.class, () -> Reports.read(List.of(odd)));
    assertThat(e.getMessage()).contains("something-else").contains("micronats-simulator-result")
        .contains("micronats-tck-report");
  }

  @Test
  void aNewerResultsFileFailsAndWritesNothing(@TempDir Path dir) throws IOException {
    Path newer = dir.resolve("newer.json");
    Files.writeString(newer, Fixtures.text("golden/results/v1/results.json").replace("\"schemaVersion\": 1", "\"schemaVersion\": 9"));
    assertThrows(UnsupportedSchemaVersionException.class, () -> Reports.write(List.of(newer), dir.resolve("out")));
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void noInputsIsAUsageError(@TempDir Path dir) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Reports.write(List.of(), dir));
    assertThat(e.getMessage()).contains("at least one");
  }

  @Test
  void resultsAreNamedByTheLabelsThatDiffer() {
    ReportSet set = ReportSet.of(List.of(Map.entry("a.json", Fixtures.THREE_NODES), Map.entry("b.json", Fixtures.ONE_NODE)),
        List.of());
    assertThat(set.results()).extracting(NamedResult::name).containsExactly("layout=3", "layout=1");
    assertThat(set.isComparison()).isTrue();
  }

  @Test
  void noisyLabelsDoNotNameResultsWhenIdentityLabelsDiffer() {
    RunResult a = RunResult.builder(Scenario.named("nats-smoke"), Fixtures.THREE_NODES.environment(), Instant.EPOCH)
        .label("implementation", "nats").label("fleet.start.10", "0.81s").label("simulator.threads", "124").build();
    RunResult b = RunResult.builder(Scenario.named("mem-smoke"), Fixtures.THREE_NODES.environment(), Instant.EPOCH)
        .label("implementation", "memory").label("fleet.start.10", "0.52s").label("simulator.threads", "58").build();
    ReportSet set = ReportSet.of(List.of(Map.entry("a.json", a), Map.entry("b.json", b)), List.of());
    assertThat(set.results()).extracting(NamedResult::name)
        .containsExactly("nats-smoke implementation=nats", "mem-smoke implementation=memory");
  }

  @Test
  void identicalResultsAreNamedBySource() {
    ReportSet set = ReportSet.of(List.of(Map.entry("before.json", Fixtures.THREE_NODES),
        Map.entry("after.json", Fixtures.THREE_NODES)), List.of());
    assertThat(set.results()).extracting(NamedResult::name)
        .containsExactly("rpc-knee (before.json)", "rpc-knee (after.json)");
  }
}
