package io.micronats.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.reports.Fixtures;
import io.micronats.reports.GoldenFiles;
import io.micronats.reports.NamedResult;
import io.micronats.reports.ReportFormat;
import io.micronats.reports.ReportSet;
import io.micronats.reports.model.LatencyHistogram;
import io.micronats.reports.model.MetricNames;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.Repetition;
import io.micronats.reports.model.RunResult;
import io.micronats.reports.model.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Done-when of the statistics: a 3-node and a 5-node run with fixed inputs. With one
 * repetition each nothing is called better or worse; with three each, only the p99 whose
 * repetition ranges do not overlap is (the 5-node p99 is worse), while the rates overlap.
 */
class ThreeVersusFiveNodesTest {
  /** Per repetition: p99 (µs) and achieved rate (/s). */
  private static final double[][] THREE = {{1000, 990}, {1050, 1010}, {1020, 1000}};
  private static final double[][] FIVE = {{1400, 1000}, {1450, 985}, {1500, 1005}};

  static NamedResult run(String nodes, double[][] reps, int n) {
    Phase.Builder phase = Phase.builder("rpc-open-1000", "rpc").open(1000).duration(java.time.Duration.ofSeconds(10));
    double p99 = 0;
    double rate = 0;
    for (int i = 0; i < n; i++) {
      p99 += reps[i][0] / n;
      rate += reps[i][1] / n;
      if (n > 1) {
        phase.repetition(new Repetition(i, Map.of(MetricNames.TIMEOUTS, 0L), Map.of(MetricNames.ACHIEVED, reps[i][1]),
            Map.of(MetricNames.RPC, hist(reps[i][0]))));
      }
    }
    phase.latency(MetricNames.RPC, hist(p99)).rate(MetricNames.ACHIEVED, rate).count(MetricNames.TIMEOUTS, 0);
    RunResult r = RunResult.builder(new Scenario("rpc-layout", Map.of("layout.nodes", nodes)),
        Fixtures.THREE_NODES.environment(), Instant.EPOCH).label("layout", nodes).phase(phase.build()).build();
    return new NamedResult("layout=" + nodes, nodes + ".json", r);
  }

  private static LatencyHistogram hist(double p99) {
    return LatencyHistogram.ofMicros(p99 / 4, p99 / 2, p99, p99 * 1.5, p99 * 2, p99 / 3, 10_000);
  }

  private static List<Verdict> verdicts(List<ComparisonRow> rows, String metric) {
    return rows.stream().filter(r -> r.metric().name().equals(metric)).findFirst().orElseThrow().verdicts();
  }

  @Test
  void oneRepetitionEachCallsNothing() {
    List<ComparisonRow> rows = SideBySide.compare(List.of(run("3", THREE, 1), run("5", FIVE, 1)));
    assertThat(rows).isNotEmpty().allSatisfy(r ->
        assertThat(r.verdicts()).doesNotContain(Verdict.BETTER, Verdict.WORSE));
    assertThat(verdicts(rows, "p99")).containsExactly(Verdict.BASELINE, Verdict.NOT_DISTINGUISHABLE);
    assertThat(SideBySide.suggestion(rows)).isPresent();
    List<String> headline = Headline.comparison(List.of(run("3", THREE, 1), run("5", FIVE, 1)));
    assertThat(String.join("\n", headline)).doesNotContain(" better", " worse").contains("--repetitions 3")
        .contains("layout (3 vs 5)");
  }

  @Test
  void threeRepetitionsEachCallOnlyWhatPassesTheTest() {
    List<ComparisonRow> rows = SideBySide.compare(List.of(run("3", THREE, 3), run("5", FIVE, 3)));
    assertThat(verdicts(rows, "p99")).containsExactly(Verdict.BASELINE, Verdict.WORSE);
    assertThat(verdicts(rows, "achieved rate")).containsExactly(Verdict.BASELINE, Verdict.NOT_DISTINGUISHABLE);
    assertThat(SideBySide.suggestion(rows)).isEmpty();
    List<String> headline = Headline.comparison(List.of(run("3", THREE, 3), run("5", FIVE, 3)));
    assertThat(headline).anyMatch(l -> l.startsWith("layout=5, rpc-open-1000, worse: ") && l.contains("p99 1.42×"));
    assertThat(headline).noneMatch(l -> l.contains("achieved rate") || l.contains("better"));
  }

  @Test
  void theRenderedComparisonStatesTheMethodAndColoursNothingAtN1() {
    ReportSet n1 = new ReportSet(List.of(run("3", THREE, 1), run("5", FIVE, 1)), List.of());
    String html = Fixtures.render(ReportFormat.HTML, n1);
    assertThat(html).contains("<b>Method:</b>").contains("not distinguishable (n=1)");
    assertThat(html).doesNotContain("class=\"num good").doesNotContain("class=\"num bad")
        .doesNotContain("class=\"num prose good").doesNotContain("class=\"num prose bad");
    ReportSet n3 = new ReportSet(List.of(run("3", THREE, 3), run("5", FIVE, 3)), List.of());
    assertThat(Fixtures.render(ReportFormat.HTML, n3)).contains(" worse</td>");
  }

  @Test
  void headlinesOfFixedInputsMatchTheirGoldenFiles() throws Exception {
    GoldenFiles.assertMatches("headline-comparison-n1.txt",
        String.join("\n", Headline.comparison(List.of(run("3", THREE, 1), run("5", FIVE, 1)))) + "\n");
    GoldenFiles.assertMatches("headline-comparison-n3.txt",
        String.join("\n", Headline.comparison(List.of(run("3", THREE, 3), run("5", FIVE, 3)))) + "\n");
    GoldenFiles.assertMatches("headline-single-3-nodes.txt",
        String.join("\n", Headline.single(Fixtures.THREE_NODES)) + "\n");
    GoldenFiles.assertMatches("headline-single-faults.txt",
        String.join("\n", Headline.single(Fixtures.result("samples/results-failover-faults.json"))) + "\n");
  }
}
