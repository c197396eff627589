package io.micronats.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronats.reports.Fixtures;
import io.micronats.reports.NamedResult;
import io.micronats.reports.model.Better;
import io.micronats.reports.model.LatencyHistogram;
import io.micronats.reports.model.MetricNames;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.Repetition;
import io.micronats.reports.model.RunResult;
import io.micronats.reports.model.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SideBySideTest {
  private static final Metric P99 = Metric.latency("p99", MetricNames.RPC, LatencyHistogram::p99);
  private static final Metric RATE = Metric.standard(Phase.builder("x", "rpc").build()).get(5);

  private static Spread three(double value, double min, double max) {
    return new Spread(value, 3, min, max);
  }

  @Test
  void lowerLatencyIsBetterAndHigherRateIsBetterWhenTheTestPasses() {
    assertThat(SideBySide.verdict(P99, three(80, 78, 82), three(100, 98, 102))).isEqualTo(Verdict.BETTER);
    assertThat(SideBySide.verdict(P99, three(120, 118, 122), three(100, 98, 102))).isEqualTo(Verdict.WORSE);
    assertThat(RATE.name()).isEqualTo("achieved rate");
    assertThat(SideBySide.verdict(RATE, three(120, 118, 122), three(100, 98, 102))).isEqualTo(Verdict.BETTER);
    assertThat(SideBySide.verdict(RATE, three(80, 78, 82), three(100, 98, 102))).isEqualTo(Verdict.WORSE);
  }

  @Test
  void singleRunsAreNeverCalledBetterOrWorse() {
    assertThat(SideBySide.verdict(P99, Spread.single(80), Spread.single(100))).isEqualTo(Verdict.NOT_DISTINGUISHABLE);
    assertThat(SideBySide.verdict(RATE, Spread.single(50), Spread.single(100))).isEqualTo(Verdict.NOT_DISTINGUISHABLE);
    assertThat(SideBySide.verdict(P99, three(50, 49, 51), Spread.single(100))).isEqualTo(Verdict.NOT_DISTINGUISHABLE);
    assertThat(SideBySide.verdict(P99, new Spread(50, 2, 49, 51), new Spread(100, 2, 99, 101)))
        .as("two repetitions are not enough").isEqualTo(Verdict.NOT_DISTINGUISHABLE);
  }

  @Test
  void nonOverlappingDifferencesWithinTwoPercentAreTheSame() {
    assertThat(SideBySide.verdict(P99, three(101.9, 101.8, 102), three(100, 99.9, 100.1))).isEqualTo(Verdict.SAME);
    assertThat(SideBySide.verdict(P99, three(0, 0, 0), three(0, 0, 0))).isEqualTo(Verdict.NOT_DISTINGUISHABLE);
    assertThat(SideBySide.verdict(P99, three(103, 102.5, 103.5), three(100, 99.5, 100.5))).isEqualTo(Verdict.WORSE);
  }

  @Test
  void overlappingRepetitionRangesAreNotDistinguishable() {
    Spread a = new Spread(110, 3, 95, 125);
    Spread b = new Spread(100, 3, 90, 105);
    assertThat(SideBySide.verdict(P99, a, b)).isEqualTo(Verdict.NOT_DISTINGUISHABLE);
    assertThat(SideBySide.verdict(P99, new Spread(130, 3, 120, 140), b)).isEqualTo(Verdict.WORSE);
  }

  @Test
  void rowsCarryRatiosToTheFirstInputAndTheBestSide() {
    List<NamedResult> results = List.of(named("a", 1000, 900), named("b", 500, 1000));
    List<ComparisonRow> rows = SideBySide.compare(results);
    assertThat(SideBySide.suggestion(rows)).hasValueSatisfying(s -> assertThat(s).contains("--repetitions 3"));
    ComparisonRow p99 = rows.stream().filter(r -> r.metric().name().equals("p99")).findFirst().orElseThrow();
    assertThat(p99.phase()).isEqualTo("rpc");
    assertThat(p99.ratios().get(0).getAsDouble()).isEqualTo(1.0);
    assertThat(p99.ratios().get(1).getAsDouble()).isCloseTo(0.5, within(1e-9));
    assertThat(p99.verdicts()).containsExactly(Verdict.BASELINE, Verdict.NOT_DISTINGUISHABLE);
    assertThat(p99.bestIndex().getAsDouble()).isEqualTo(1.0);
    ComparisonRow rate = rows.stream().filter(r -> r.metric().name().equals("achieved rate")).findFirst().orElseThrow();
    assertThat(rate.verdicts()).containsExactly(Verdict.BASELINE, Verdict.NOT_DISTINGUISHABLE);
    assertThat(rate.values().get(1)).map(Spread::value).contains(1000.0);
  }

  @Test
  void onlyPhasesSharedByTwoResultsAreCompared() {
    NamedResult a = named("a", 1000, 900);
    RunResult extra = RunResult.builder(Scenario.named("s"), a.result().environment(), Instant.EPOCH)
        .phase(Phase.builder("other", "rpc").build()).build();
    List<NamedResult> results = List.of(a, new NamedResult("c", "c.json", extra), named("b", 500, 1000));
    assertThat(SideBySide.sharedPhases(results)).containsExactly("rpc");
  }

  @Test
  void theSamplesComparePhaseByPhase() {
    List<NamedResult> results = List.of(new NamedResult("3", "a", Fixtures.THREE_NODES),
        new NamedResult("1", "b", Fixtures.ONE_NODE));
    assertThat(SideBySide.sharedPhases(results)).hasSize(Fixtures.THREE_NODES.phases().size());
    assertThat(SideBySide.compare(results)).allSatisfy(r -> assertThat(r.values()).allMatch(Optional::isPresent));
  }

  static NamedResult named(String name, double p99, double rate) {
    LatencyHistogram h = LatencyHistogram.ofMicros(p99 / 4, p99 / 2, p99, p99 * 2, p99 * 3, p99 / 3, 1000);
    Phase phase = Phase.builder("rpc", "rpc").latency(MetricNames.RPC, h).rate(MetricNames.ACHIEVED, rate)
        .count(MetricNames.TIMEOUTS, 0).build();
    RunResult r = RunResult.builder(Scenario.named("s"), Fixtures.THREE_NODES.environment(), Instant.EPOCH)
        .phase(phase).build();
    return new NamedResult(name, name + ".json", r);
  }

  @Test
  void spreadComesFromTheRepetitions() {
    LatencyHistogram agg = LatencyHistogram.ofMicros(1, 2, 10, 20, 30, 2, 300);
    Phase p = Phase.builder("p", "rpc").latency(MetricNames.RPC, agg)
        .repetition(new Repetition(0, Map.of(), Map.of(), Map.of(MetricNames.RPC, LatencyHistogram.ofMicros(1, 2, 8, 20, 30, 2, 100))))
        .repetition(new Repetition(1, Map.of(), Map.of(), Map.of(MetricNames.RPC, LatencyHistogram.ofMicros(1, 2, 12, 20, 30, 2, 100))))
        .build();
    assertThat(P99.of(p)).contains(new Spread(10, 2, 8, 12));
    assertThat(Metric.latency("p99", "absent", LatencyHistogram::p99).of(p)).isEmpty();
    assertThat(Better.LOWER.isBetter(8, 12)).isTrue();
  }
}
