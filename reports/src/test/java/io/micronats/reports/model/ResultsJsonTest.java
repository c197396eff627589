package io.micronats.reports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonTest {
  private static final RunResult SAMPLE = SampleData.rpcCluster("3", 1.0, 42);

  static String resource(String name) throws IOException {
    try (InputStream in = Objects.requireNonNull(ResultsJsonTest.class.getResourceAsStream("/" + name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void writeThenReadGivesAnEqualResult(@TempDir Path dir) throws IOException {
    RunResult original = SAMPLE;
    Path file = dir.resolve("nested/results.json");
    ResultsWriter.write(original, file);
    assertThat(ResultsReader.read(file)).isEqualTo(original);
  }

  @Test
  void writerOutputIsDeterministicAndMatchesTheCheckedInSample() throws IOException {
    String sample = resource("samples/results-nats-3-nodes.json");
    RunResult read = ResultsReader.fromJson(sample, "sample");
    assertThat(ResultsWriter.toJson(read)).isEqualTo(sample);
    assertThat(ResultsWriter.toJson(read)).isEqualTo(ResultsWriter.toJson(read));
  }

  @Test
  void writtenJsonStartsWithSchemaVersionAndKind() {
    String json = ResultsWriter.toJson(SAMPLE);
    assertThat(json).startsWith("{\n  \"schemaVersion\" : 2,\n  \"kind\" : \"micronats-simulator-result\",");
  }

  @Test
  void goldenVersion1WithoutFaultsReadsAsNoFaultsAndWritesNoFaultsField() throws IOException {
    RunResult r = ResultsReader.fromJson(resource("golden/results/v1/results.json"), "golden v1");
    assertThat(r.faults()).isEmpty();
    assertThat(ResultsWriter.toJson(r)).doesNotContain("\"faults\"");
  }

  @Test
  void goldenVersion1WithFaultsReadsEveryFaultField() throws IOException {
    RunResult r = ResultsReader.fromJson(resource("golden/results/v1/results-with-faults.json"), "golden v1 faults");
    assertThat(r.faults()).hasSize(2);
    Fault kill = r.faults().get(0);
    assertThat(kill.name()).isEqualTo("kill-node-1");
    assertThat(kill.kind()).isEqualTo("kill");
    assertThat(kill.target()).isEqualTo("node 1");
    assertThat(kill.phase()).isEqualTo("rpc-open-2000");
    assertThat(kill.injectedAtMillis()).isEqualTo(500);
    assertThat(kill.windowMillis()).isEqualTo(9500);
    assertThat(kill.revertedAfterMillis()).isNull();
    assertThat(kill.disconnectedAfterMillis()).isEqualTo(2L);
    assertThat(kill.reconnectedAfterMillis()).isEqualTo(2140L);
    assertThat(kill.resubscribedAfterMillis()).isEqualTo(2151L);
    assertThat(kill.firstErrorAfterMillis()).isEqualTo(5L);
    assertThat(kill.firstSuccessAfterMillis()).isEqualTo(31L);
    assertThat(kill.recoveredAfterMillis()).isEqualTo(3000L);
    assertThat(kill.disconnects()).isEqualTo(3);
    assertThat(kill.reconnects()).isEqualTo(3);
    assertThat(kill.steps()).containsExactly("+0 SIGKILL node 1");
    assertThat(kill.rpc()).isEqualTo(new Fault.Rpc(19000, 18990, 10, 9, 1));
    assertThat(kill.broker()).isEqualTo(new Fault.Broker(100, 7, 1, 2, 0));
    assertThat(kill.registry()).isEqualTo(new Fault.Registry(40, 2, 3, 1, 1800, 0));
    assertThat(r.faultsIn("rpc-open-2000")).containsExactly(kill);
    assertThat(kill.recoveredUndecided()).as("absent in a file written before the field").isNull();
    assertThat(kill.rpc().causes()).isEmpty();
    Fault churn = r.faults().get(1);
    assertThat(churn.phase()).as("a fault timed against the run has no phase").isNull();
    assertThat(churn.steps()).isEmpty();
    assertThat(churn.rpc()).isEqualTo(Fault.Rpc.NONE);
    assertThat(churn.registry()).isEqualTo(Fault.Registry.NONE);
    assertThat(ResultsReader.fromJson(ResultsWriter.toJson(r), "rewritten")).isEqualTo(r);
  }

  @Test
  void goldenVersion1WithFaultReasonsReadsTheReasonAndTheRpcCauses() throws IOException {
    RunResult r = ResultsReader.fromJson(resource("golden/results/v1/results-with-fault-reasons.json"), "reasons");
    assertThat(r.faults()).extracting(Fault::name).containsExactly("kill-node-1", "pause-node-2", "churn");
    Fault kill = r.faults().get(0);
    assertThat(kill.recoveredAfterMillis()).isEqualTo(3000L);
    assertThat(kill.recoveredUndecided()).as("a decided mark takes no reason from the labels").isNull();
    assertThat(kill.rpc().causes()).as("structured causes; calls and failed in the counts are fields, not causes")
        .containsExactly(Map.entry("serviceNotFound", 0L), Map.entry("remoteErrors", 0L));
    Fault pause = r.faults().get(1);
    assertThat(pause.recoveredAfterMillis()).isNull();
    assertThat(pause.recoveredUndecided()).as("from the phase label fault.1.recoveredUndecided")
        .isEqualTo("window too short: 1200 ms left before the next fault or the end of the phase");
    assertThat(pause.rpc().calls()).isEqualTo(2400);
    assertThat(pause.rpc().causes()).as("from the phase counts fault.1.rpc.<cause>, in order").containsExactly(
        Map.entry("serviceNotFound", 4L), Map.entry("notConnected", 2L), Map.entry("errors", 1L));
    Fault churn = r.faults().get(2);
    assertThat(churn.recoveredUndecided()).isEqualTo("no operation completed in the window");
    String rewritten = ResultsWriter.toJson(r);
    assertThat(rewritten).contains("\"recoveredUndecided\" : \"window too short: 1200 ms left",
        "\"causes\" : {", "\"serviceNotFound\" : 4,");
    assertThat(ResultsReader.fromJson(rewritten, "rewritten")).isEqualTo(r);
  }

  @Test
  void faultLabelsOfAnotherFaultAreNotTaken() throws IOException {
    String renamed = resource("golden/results/v1/results-with-fault-reasons.json")
        .replace("\"fault.1.name\": \"pause-node-2\"", "\"fault.1.name\": \"someone-else\"");
    Fault pause = ResultsReader.fromJson(renamed, "renamed").faults().get(1);
    assertThat(pause.recoveredUndecided()).isNull();
    assertThat(pause.rpc().causes()).isEmpty();
  }

  @Test
  void aBuiltResultKeepsItsFaultsAsGivenWhateverItsPhaseLabelsSay() throws IOException {
    Phase phase = Phase.builder("rpc", "rpc").closed().concurrency(1).duration(Duration.ofSeconds(1))
        .label("fault.0.name", "kill").label("fault.0.recoveredUndecided", "not back to baseline within the 900 ms window")
        .count("fault.0.rpc.notConnected", 3).build();
    Fault bare = new Fault("kill", "kill", "node 0", "rpc", 10, 900, null, null, null, null, null, null, null, 0, 0,
        List.of(), Fault.Rpc.NONE, Fault.Broker.NONE, Fault.Registry.NONE);
    RunResult r = RunResult.builder(Scenario.named("s"), SAMPLE.environment(), Instant.EPOCH).phase(phase)
        .fault(bare).build();
    assertThat(r.faults()).as("version 2: flat phase keys are plain keys, faults are only the structured list")
        .containsExactly(bare);
    assertThat(ResultsReader.fromJson(ResultsWriter.toJson(r), "written").faults()).containsExactly(bare);
  }

  @Test
  void goldenVersion2HoldsTheFaultsOnceAndReadsAsTheVersion1FileWithItsFlatKeys() throws IOException {
    String v2 = resource("golden/results/v2/results-with-faults.json");
    RunResult read = ResultsReader.fromJson(v2, "golden v2 faults");
    RunResult v1 = ResultsReader.fromJson(resource("golden/results/v1/results-with-fault-reasons.json"), "reasons");
    assertThat(read.faults()).hasSize(3).isEqualTo(v1.faults());
    assertThat(read.faults().get(1).recoveredUndecided()).startsWith("window too short");
    assertThat(read.faults().get(1).rpc().causes()).containsEntry("notConnected", 2L);
    assertThat(v2).doesNotContain("\"fault.");
    assertThat(ResultsWriter.toJson(read)).as("written as read, byte for byte").isEqualTo(v2);
  }

  @Test
  void aNegativeRpcCauseIsRejectedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Fault.Rpc(1, 0, 1, 0, 0, Map.of("notConnected", -1L)));
    assertThat(e.getMessage()).contains("fault.rpc.causes.notConnected");
  }

  @Test
  void aNegativeFaultMarkIsRejectedNamingTheField() throws IOException {
    String broken = resource("golden/results/v1/results-with-faults.json")
        .replace("\"reconnectedAfterMillis\": 2140", "\"reconnectedAfterMillis\": -1");
    ResultsFormatException e = assertThrows(ResultsFormatException.class, () -> ResultsReader.fromJson(broken, "x"));
    assertThat(e.getMessage()).contains("reconnectedAfterMillis");
  }

  @Test
  void goldenVersion1ReadsEveryField() throws IOException {
    RunResult r = ResultsReader.fromJson(resource("golden/results/v1/results.json"), "golden v1");
    assertThat(r.scenario().name()).isEqualTo("golden-v1");
    assertThat(r.scenario().settings()).containsEntry("rate", "2000");
    assertThat(r.environment().hostname()).isEqualTo("golden-host");
    assertThat(r.environment().cores()).isEqualTo(2);
    assertThat(r.environment().extra()).containsEntry("gc", "G1");
    assertThat(r.startedAt()).isEqualTo(Instant.parse("2026-11-27T12:00:00Z"));
    assertThat(r.labels()).containsEntry("layout", "3");
    Phase open = r.phases().get(0);
    assertThat(open.mode()).isEqualTo(Mode.OPEN);
    assertThat(open.targetRate()).isEqualTo(OptionalDouble.of(2000.0));
    assertThat(open.concurrency().getAsInt()).isEqualTo(4);
    assertThat(open.duration()).isEqualTo(Duration.ofSeconds(10));
    assertThat(open.count(MetricNames.TIMEOUTS)).isEqualTo(10);
    assertThat(open.latency().get("rpc").p999()).isEqualTo(6600.0);
    assertThat(open.latency().get("rpc").encoded()).isEmpty();
    assertThat(open.timeSeries()).extracting(TimePoint::errors).containsExactly(0L, 10L);
    assertThat(open.labels()).containsEntry("services", "10");
    assertThat(open.repetitions()).hasSize(2);
    assertThat(open.repetitions().get(1).latency().get("rpc").p99()).isEqualTo(4060.0);
    Phase closed = r.phases().get(1);
    assertThat(closed.mode()).isEqualTo(Mode.CLOSED);
    assertThat(closed.targetRate()).isEmpty();
    assertThat(closed.concurrency()).isEmpty();
    assertThat(closed.timeSeries()).isEmpty();
    assertThat(closed.repetitions()).isEmpty();
    assertThat(r.comparisons()).singleElement().satisfies(c -> {
      assertThat(c.better()).isEqualTo(Better.LOWER);
      assertThat(c.oursIsBetter()).isFalse();
    });
  }

  @Test
  void newerSchemaVersionFailsNamingTheVersionAndTheFix() throws IOException {
    String newer = resource("golden/results/v1/results.json").replace("\"schemaVersion\": 1", "\"schemaVersion\": 3");
    UnsupportedSchemaVersionException e = assertThrows(UnsupportedSchemaVersionException.class,
        () -> ResultsReader.fromJson(newer, "future.json"));
    assertThat(e.found()).isEqualTo(3);
    assertThat(e.newestSupported()).isEqualTo(2);
    assertThat(e.getMessage()).startsWith("future.json: ").contains("schemaVersion 3 is newer")
        .contains("versions 1..2");
  }

  @Test
  void aTckReportIsRejectedAsResultsNamingItsKind() throws IOException {
    ResultsFormatException e = assertThrows(ResultsFormatException.class,
        () -> ResultsReader.fromJson(resource("samples/tck-nats.json"), "tck.json"));
    assertThat(e.getMessage()).contains("kind is \"micronats-tck-report\"");
  }

  @Test
  void missingSchemaVersionIsRejected() {
    ResultsFormatException e = assertThrows(ResultsFormatException.class,
        () -> ResultsReader.fromJson("{\"kind\":\"micronats-simulator-result\"}", "x.json"));
    assertThat(e.getMessage()).isEqualTo("x.json: missing or non-integer \"schemaVersion\"");
  }

  @Test
  void notJsonIsRejected() {
    ResultsFormatException e = assertThrows(ResultsFormatException.class,
        () -> ResultsReader.fromJson("schemaVersion=1", "x.json"));
    assertThat(e.getMessage()).startsWith("x.json: not valid JSON");
  }

  @Test
  void anInvalidFieldIsNamedByItsPath() throws IOException {
    String broken = resource("golden/results/v1/results.json").replace("\"p90\": 880.0", "\"p90\": 88.0");
    ResultsFormatException e = assertThrows(ResultsFormatException.class,
        () -> ResultsReader.fromJson(broken, "broken.json"));
    assertThat(e.getMessage()).contains("phases[0].latency").contains("percentiles must not decrease");
  }

  @Test
  void anOpenPhaseWithoutTargetRateIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Phase("p", "rpc", Mode.OPEN, OptionalDouble.empty(), null, Duration.ZERO,
            null, null, null, null, null, null));
    assertThat(e.getMessage()).isEqualTo("phase p: an open phase needs a targetRate > 0");
  }

  @Test
  void encodedHistogramRecomputesPercentiles() {
    Histogram nanos = new Histogram(3_600_000_000_000L, 3);
    for (int i = 1; i <= 10_000; i++) {
      nanos.recordValue(i * 1_000L);
    }
    LatencyHistogram latency = LatencyHistogram.fromNanos(nanos);
    assertThat(latency.count()).isEqualTo(10_000);
    assertThat(latency.p99()).isCloseTo(9_900.0, within(10.0));
    assertThat(latency.percentileMicros(99.99).orElseThrow()).isCloseTo(9_999.0, within(10.0));
    assertThat(latency.decodeNanos().orElseThrow().getTotalCount()).isEqualTo(10_000);
    assertThat(latency.withoutEncoded().decodeNanos()).isEmpty();
  }

  @Test
  void aCorruptEncodingFailsClearly() {
    LatencyHistogram bad = new LatencyHistogram(1, 1, 1, 1, 1, 1, 1, java.util.Optional.of("bm90IGEgaGlzdG9ncmFt"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::decodeNanos);
    assertThat(e.getMessage()).startsWith("encoded is not a Base64 compressed HdrHistogram");
  }

  @Test
  void writingReplacesAnExistingFileAndLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("results.json");
    Files.writeString(file, "old");
    ResultsWriter.write(SAMPLE, file);
    assertThat(Files.readString(file)).startsWith("{");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }
}
