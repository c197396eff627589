package io.micronats.reports.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.reports.Fixtures;
import io.micronats.reports.GoldenFiles;
import io.micronats.reports.ReportFormat;
import io.micronats.reports.ReportSet;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarkdownReportRendererTest {
  @Test
  void goldenSmallResultAndTckReport() throws IOException {
    ReportSet set = ReportSet.of(List.of(Map.entry("results.json", Fixtures.result("golden/results/v1/results.json"))),
        List.of(Map.entry("tck-report.json", Fixtures.tck("golden/tck/v1/tck-report.json"))));
    GoldenFiles.assertMatches("v1-report.md", Fixtures.render(ReportFormat.MARKDOWN, set));
  }

  @Test
  void everyTableRowHasAsManyCellsAsItsHeader() {
    String md = Fixtures.render(ReportFormat.MARKDOWN, ReportSet.of(
        List.of(Map.entry("a.json", Fixtures.THREE_NODES), Map.entry("b.json", Fixtures.ONE_NODE)),
        List.of(Map.entry("m.json", Fixtures.TCK_MEMORY), Map.entry("n.json", Fixtures.TCK_NATS))));
    int header = -1;
    int tables = 0;
    for (String line : md.split("\n", -1)) {
      if (!line.startsWith("|")) {
        header = -1;
        continue;
      }
      int cells = line.replace("\\|", "").split("\\|", -1).length - 2;
      if (header < 0) {
        header = cells;
        tables++;
      }
      assertThat(cells).as(line).isEqualTo(header);
    }
    assertThat(tables).isGreaterThanOrEqualTo(10);
    assertThat(md).contains("### Side by side", "### Rules × plugins", "| p50 | p90 | p99 | p99.9 | max |");
  }

  @Test
  void aComparisonAcrossMachinesWarns() {
    String md = Fixtures.render(ReportFormat.MARKDOWN, ReportSet.of(List.of(Map.entry("a.json", Fixtures.THREE_NODES),
        Map.entry("b.json", Fixtures.onHost(Fixtures.ONE_NODE, "laptop", 2))), List.of()));
    assertThat(md).contains("> **Warning:** Different machine (hostname): layout=3 = bench-vm-1; layout=1 = laptop.");
  }

  @Test
  void failedRulesAreListedWithTheirMessages() {
    String md = Fixtures.render(ReportFormat.MARKDOWN, ReportSet.of(List.of(), List.of(Map.entry("n.json", Fixtures.TCK_NATS))));
    assertThat(md).contains("- **TRN-005** (RECOMMENDED):\n\n  ```\n  close() returned after 1840 ms");
    assertThat(md).contains("| nats | COMPATIBLE | QUEUE\\_GROUPS | 0.1.0-SNAPSHOT | 17.0.15 | 18 | 14 | **2** | *2* |");
  }

  @Test
  void pipesAndNewlinesCannotBreakATable() {
    assertThat(MarkdownReportRenderer.escape("a|b\nc_d")).isEqualTo("a\\|b c\\_d");
  }

  @Test
  void faultsGetTimelineAccountingAndStepsTables() {
    String md = Fixtures.render(ReportFormat.MARKDOWN, ReportSet.of(
        List.of(Map.entry("f.json", Fixtures.result("samples/results-failover-faults.json"))), List.of()));
    assertThat(md).contains("#### Faults\n", "##### Fault timelines\n", "##### Fault accounting: clients and RPC\n",
        "##### Fault accounting: broker\n", "##### Fault accounting: registry\n", "##### Fault steps\n");
    assertThat(md).contains("| kill-node-1 | kill node 1 | rpc-open-2000 | +4000 | - | +2 | +2140 | +2151 | +5 | +31 | +3000 |");
    assertThat(md).contains("| pause-node-2 | pause node 2 | broker-50k | +3000 | +1500 | +1210 | +1620 | +1633 | +1210"
        + " | +1640 | *not decided: not back to baseline within the 7000 ms window: last 1000 ms error rate 0.0%, p99"
        + " 48.2 ms (limit 6.1 ms)* |");
    assertThat(md).contains("| fault | window (ms) | disconnects | reconnects | rpc calls | succeeded | failed | timed out"
        + " | no responders | service not found | not connected |");
    assertThat(md).contains("| kill-node-1 | 6000 | 3 | 3 | 12000 | 11733 | **267** | **251** | **16** | 0 | 0 |");
    assertThat(md).contains("| pause-node-2 | 350000 | **812** | 0 | **3** | 0 |");
    assertThat(md).contains("| pause-node-2 | 40 | **2** | 0 | 0 | 0 | 0 |");
    assertThat(md).contains("| pause-node-2 | +1500 SIGCONT node 2 |");
  }
}
