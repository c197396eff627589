package io.micronats.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.reports.Fixtures;
import io.micronats.reports.GoldenFiles;
import io.micronats.reports.ReportFormat;
import io.micronats.reports.ReportSet;
import io.micronats.reports.model.LatencyHistogram;
import io.micronats.reports.model.MetricNames;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.RunResult;
import io.micronats.reports.model.Scenario;
import java.time.Instant;
import io.micronats.reports.model.TckReport;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportRendererTest {
  private static final Pattern SVG = Pattern.compile("<svg [^>]*>(.*?)</svg>", Pattern.DOTALL);

  static String single() {
    return Fixtures.render(ReportFormat.HTML, ReportSet.of(List.of(Map.entry("r.json", Fixtures.THREE_NODES)), List.of()));
  }

  @Test
  void goldenSmallResultAndTckReport() throws IOException {
    ReportSet set = ReportSet.of(List.of(Map.entry("results.json", Fixtures.result("golden/results/v1/results.json"))),
        List.of(Map.entry("tck-report.json", Fixtures.tck("golden/tck/v1/tck-report.json"))));
    GoldenFiles.assertMatches("v1-index.html", Fixtures.render(ReportFormat.HTML, set));
  }

  @Test
  void aTypicalResultHasTheFiveKindsOfChartEachWithDrawnContent() {
    String html = single();
    List<String> svgs = svgBodies(html);
    assertThat(svgs).hasSizeGreaterThanOrEqualTo(4);
    assertThat(svgs).allSatisfy(body -> assertThat(body).containsPattern("<polyline points=\"[0-9]|<rect x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"[0-9.]+\" height=\"[0-9.]+\" fill=\"#"));
    assertThat(html).contains("Latency by percentile: rpc", "Throughput over time: rpc", "p99 latency over time: rpc",
        "Latency against offered rate: rpc", "Discovery latency against the number of services",
        "Loss, duplicates and errors");
  }

  @Test
  void everyFigureStatesItsRunCount() {
    Matcher m = Pattern.compile("<figure.*?</figure>", Pattern.DOTALL).matcher(single());
    int figures = 0;
    while (m.find()) {
      figures++;
      assertThat(m.group()).containsPattern("n=\\d");
    }
    assertThat(figures).isGreaterThanOrEqualTo(4);
  }

  @Test
  void thePageIsSelfContained() {
    String html = single();
    assertThat(html).doesNotContain("<script", "<link", "src=", "url(", "@import");
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://", "https://");
    assertThat(html).contains("<style>", "@media print");
  }

  @Test
  void renderingIsDeterministic() {
    assertThat(single()).isEqualTo(single());
  }

  @Test
  void tablesShowPercentilesRatesErrorsAndTheEnvironment() {
    String html = single();
    assertThat(html).contains("<th class=\"num\">p50</th><th class=\"num\">p90</th><th class=\"num\">p99</th>"
        + "<th class=\"num\">p99.9</th><th class=\"num\">max</th>");
    assertThat(html).contains("<h4>Rates and errors</h4>", "<h4>Environment</h4>", "<td>nats-server</td><td>2.9.10</td>",
        "<h4>micronats against the raw baseline</h4>");
  }

  @Test
  void aComparisonShowsRatiosVerdictsAndOverlayCharts() {
    ReportSet set = ReportSet.of(List.of(Map.entry("a.json", Fixtures.THREE_NODES), Map.entry("b.json", Fixtures.ONE_NODE)),
        List.of());
    String html = Fixtures.render(ReportFormat.HTML, set);
    assertThat(html).contains("<h2>Comparison</h2>", "<h4>Side by side</h4>", "layout=3 (base)", "0.85× better",
        "<section id=\"headline\"", "<b>Method:</b>",
        "Latency against offered rate: rpc, side by side", "Errors, loss and duplicates, side by side");
    assertThat(html).doesNotContain("class=\"warning\"");
  }

  @Test
  void aComparisonAcrossMachinesWarnsOnThePage() {
    RunResult other = Fixtures.onHost(Fixtures.ONE_NODE, "laptop", 8);
    String html = Fixtures.render(ReportFormat.HTML, ReportSet.of(
        List.of(Map.entry("a.json", Fixtures.THREE_NODES), Map.entry("b.json", other)), List.of()));
    assertThat(html).contains("<p class=\"warning\" role=\"alert\"><b>Warning:</b> Different machine (hostname):"
        + " layout=3 = bench-vm-1; layout=1 = laptop.");
  }

  @Test
  void severalTckReportsGiveARulesByPluginsMatrix() {
    List<Map.Entry<String, TckReport>> tck = List.of(Map.entry("m.json", Fixtures.TCK_MEMORY), Map.entry("n.json", Fixtures.TCK_NATS));
    String html = Fixtures.render(ReportFormat.HTML, ReportSet.of(List.of(), tck));
    assertThat(html).contains("<h4>Rules × plugins</h4>", "<th>memory</th><th>nats</th>");
    for (var rule : Fixtures.TCK_NATS.rules()) {
      assertThat(html).contains("<td>" + rule.id() + "</td>");
    }
    assertThat(html).contains("title=\"expected message 17 after 16 but received 17 first");
    assertThat(html).contains("<h4>nats: transport</h4>", "<h4>memory: registry</h4>");
    assertThat(html).doesNotContain("<svg");
  }

  @Test
  void aMinimalResultRendersItsTablesAndOnlyChartsThatHaveData() {
    RunResult tiny = RunResult.builder(Scenario.named("tiny"), Fixtures.THREE_NODES.environment(), Instant.EPOCH)
        .phase(Phase.builder("empty-rpc", "rpc").latency(MetricNames.RPC, LatencyHistogram.ofMicros(0, 0, 0, 0, 0, 0, 0)).build())
        .phase(Phase.builder("nothing", "broker").build())
        .build();
    String html = Fixtures.render(ReportFormat.HTML, ReportSet.of(List.of(Map.entry("tiny.json", tiny)), List.of()));
    assertThat(html).contains("<h4>Latency</h4>", "<td>empty-rpc</td>", "<td>nothing</td>").doesNotContain("<svg");
  }

  static List<String> svgBodies(String html) {
    Matcher m = SVG.matcher(html);
    List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void faultsAreMarkedOnTheirPhaseTimeChartsAndTabulated() {
    RunResult r = Fixtures.result("samples/results-failover-faults.json");
    String html = Fixtures.render(ReportFormat.HTML, ReportSet.of(List.of(Map.entry("f.json", r)), List.of()));
    Matcher m = SVG.matcher(html);
    int rpcMarked = 0;
    int brokerMarked = 0;
    while (m.find()) {
      String svg = m.group(0);
      if (svg.contains("over time: rpc, phase rpc-open-2000</title>")) {
        assertThat(svg).contains("<g class=\"markers\"").contains("fault kill-node-1 (kill)")
            .doesNotContain("pause-node-2").contains("class=\"recovery\"");
        assertThat(svg).as("only the faulted phase's line").containsOnlyOnce("<polyline");
        rpcMarked++;
      } else if (svg.contains("over time: broker, phase broker-50k</title>")) {
        assertThat(svg).contains("fault pause-node-2 (pause)").doesNotContain("kill-node-1");
        brokerMarked++;
      } else {
        assertThat(svg).as("a chart of phases without faults has no marker").doesNotContain("class=\"fault\"");
      }
    }
    assertThat(rpcMarked).as("rate and p99 charts of the faulted rpc phase").isEqualTo(2);
    assertThat(brokerMarked).as("rate and p99 charts of the faulted broker phase").isEqualTo(2);
    assertThat(html).contains("Throughput over time: rpc</title>", "Throughput over time: broker</title>");
    assertThat(html).contains("<h3 id=\"faults-1\">Faults</h3>", "<h4>Fault timelines</h4>",
        "<h4>Fault accounting: clients and RPC</h4>", "<h4>Fault accounting: broker</h4>",
        "<h4>Fault accounting: registry</h4>", "<h4>Fault steps</h4>", "+1500 SIGCONT node 2");
    // kill-node-1 timeline: injected +4000, then disconnected +2, reconnected +2140, resubscribed +2151.
    assertThat(html).containsPattern("<td>kill-node-1</td><td>kill node 1</td><td>rpc-open-2000</td>"
        + "<td class=\"num\">\\+4000</td><td class=\"num muted\">-</td><td class=\"num\">\\+2</td>"
        + "<td class=\"num\">\\+2140</td><td class=\"num\">\\+2151</td>");
    // pause-node-2 accounting: 812 lost of 350000, 3 reordered; never back to baseline is flagged with the
    // simulator's reason, as a sentence that wraps.
    assertThat(html).contains("<td class=\"num bad\">812</td>", "<td class=\"num prose warn\">not decided: not back"
        + " to baseline within the 7000 ms window: last 1000 ms error rate 0.0%, p99 48.2 ms (limit 6.1 ms)</td>");
    assertThat(html).doesNotContain("<td class=\"num warn\">-</td>");
    // the RPC causes in the rpc-open-2000 phase's counts (fault.0.rpc.*) become columns of the RPC table
    assertThat(html).contains("<th class=\"num\">no responders</th><th class=\"num\">service not found</th>"
        + "<th class=\"num\">not connected</th></tr>");
    assertThat(html).containsPattern("<td>kill-node-1</td>(<td[^>]*>[^<]*</td>){8}<td class=\"num muted\">0</td>"
        + "<td class=\"num muted\">0</td></tr>");
    assertThat(html).containsPattern("<td>pause-node-2</td>(<td[^>]*>[^<]*</td>){8}<td class=\"num muted\">-</td>"
        + "<td class=\"num muted\">-</td></tr>");
  }

  @Test
  void aResultWithoutFaultsHasNoFaultSectionOrMarkers() {
    String html = single();
    assertThat(html).doesNotContain("Fault timelines").doesNotContain("class=\"markers\"");
  }
}
