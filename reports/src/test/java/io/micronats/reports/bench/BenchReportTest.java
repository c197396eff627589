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
}
