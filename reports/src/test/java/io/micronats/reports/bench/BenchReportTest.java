package io.micronats.reports.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.reports.Fixtures;
import io.micronats.reports.Reports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {
  @TempDir
  Path out;

  @Test
  void benchJsonRendersTablesARatioChartAndEveryNumericFigure() throws Exception {
    List<Path> written = Reports.write(List.of(Fixtures.path("samples/bench.json")), out);
    String html = Files.readString(written.get(0), StandardCharsets.UTF_8);
    assertThat(html).contains("<h2>Bench: ", "Bench: micronats against raw jnats", "Ours / raw per entry and figure",
        "<section id=\"headline\"", "bench rpc (ours / raw, n=3): throughput 0.64×");
    assertThat(html).as("figures perf added show without code for them").contains("cpuMicrosPerOp", "allocBytesPerOp");
    String md = Files.readString(written.get(1), StandardCharsets.UTF_8);
    assertThat(md).contains("## Bench: ", "| rpc | p99Micros ↓ |");
  }

  @Test
  void jmhJsonRendersPrimaryAndSecondaryMetrics() throws Exception {
    List<Path> written = Reports.write(List.of(Fixtures.path("samples/jmh.json")), out);
    String html = Files.readString(written.get(0), StandardCharsets.UTF_8);
    assertThat(html).contains("<h2>JMH: ", "HeaderCodecBenchmark.parse", "headers=8", "413 ± 18.2", "ns/op",
        "gc.alloc.rate.norm", "jmh SubjectBenchmark.validate: 23,100,000 ± 1,100,000 ops/s");
  }

  @Test
  void aRealBenchJsonOfOneWorkloadAndThreePairsRenders() throws Exception {
    // Written by: ./micronats bench --only=rpc --duration=2s --warmup=1s --pairs=3 (2 cores, 3 local nodes).
    List<Path> written = Reports.write(List.of(Fixtures.path("samples/bench-real-rpc.json")), out);
    String html = Files.readString(written.get(0), StandardCharsets.UTF_8);
    assertThat(html).contains("<section id=\"headline\"", "bench rpc (ours / raw, n=3): throughput 0.76×",
        "7414 (5287–14,057, n=3)", "allocBytesPerOp", "<svg ", "Ours / raw per entry and figure",
        "local nats-server x3");
    String md = Files.readString(written.get(1), StandardCharsets.UTF_8);
    assertThat(md).contains("- bench rpc (ours / raw, n=3): throughput 0.76×", "| rpc | throughput ↑ | 7414 (5287–14,057,"
        + " n=3) | 9808 (7190–16,163, n=3) | 0.76× |", "- bench result **");
  }

  @Test
  void aRealJmhJsonFromAQuickRunRendersWithoutAnErrorItCouldNotCompute() throws Exception {
    // Written by: ./micronats jmh --quick (1 fork, 2 iterations: JMH writes "scoreError" : "NaN").
    List<Path> written = Reports.write(List.of(Fixtures.path("samples/jmh-real-quick.json")), out);
    String html = Files.readString(written.get(0), StandardCharsets.UTF_8);
    assertThat(html).contains("<h2>JMH: ", "SelectorBenchmark.roundRobin", "nodes=100", "MessageEncodingBenchmark"
        + ".decodeHeaders", "ns/op", "1 × 2");
    assertThat(html).doesNotContain("NaN", "± -");
    String md = Files.readString(written.get(1), StandardCharsets.UTF_8);
    assertThat(md).contains("| InMemoryRoundTripBenchmark.roundTrip |  | avgt | 15.8 | us/op | 1 × 2 |",
        "- JMH result **");
  }
}
