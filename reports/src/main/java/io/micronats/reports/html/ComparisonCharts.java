package io.micronats.reports.html;

import io.micronats.reports.NamedResult;
import io.micronats.reports.analysis.Metric;
import io.micronats.reports.analysis.SideBySide;
import io.micronats.reports.model.LatencyHistogram;
import io.micronats.reports.model.MetricNames;
import io.micronats.reports.model.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The overlay charts of a comparison (first input = baseline): latency by percentile per shared
 * phase (small multiples), the knee, discovery against services, and errors per phase, one colour
 * per input.
 *
 * <p>Stateless and thread-safe; deterministic.
 */
final class ComparisonCharts {
  private ComparisonCharts() {}

  /** The overlay charts of several results (first = baseline). */
  static List<Figure> of(List<NamedResult> results) {
    List<Figure> figures = new ArrayList<>();
    for (String phase : SideBySide.sharedPhases(results)) {
      comparePercentiles(phase, results).ifPresent(figures::add);
    }
    compareKnee(results).ifPresent(figures::add);
    compareDiscovery(results).ifPresent(figures::add);
    compareErrors(results).ifPresent(figures::add);
    return figures;
  }

  private static Optional<Figure> comparePercentiles(String phase, List<NamedResult> results) {
    List<LineChart.Series> series = new ArrayList<>();
    for (NamedResult r : results) {
      r.result().phase(phase).ifPresent(p -> Metric.primaryLatencyKey(p).ifPresent(key ->
          series.add(new LineChart.Series(r.name() + " " + Charts.p99Note(p, key), Charts.spectrum(Objects.requireNonNull(p.latency().get(key)))))));
    }
    if (Charts.drawable(series).size() < 2) {
      return Optional.empty();
    }
    return Optional.of(new Figure("Latency by percentile: " + phase, "Same phase in each input; x is 1/(1\u2212p)"
        + " (log). The legend gives n and the p99 range across repetitions.",
        Charts.percentileChart("Latency by percentile: " + phase, series, Charts.SMALL_WIDTH, Charts.SMALL_HEIGHT), true));
  }

  private static Optional<Figure> compareKnee(List<NamedResult> results) {
    List<LineChart.Series> series = new ArrayList<>();
    List<Phase> all = new ArrayList<>();
    String family = "";
    for (int ri = 0; ri < results.size(); ri++) {
      NamedResult r = results.get(ri);
      for (Map.Entry<String, List<Phase>> f : Charts.families(r.result().phases()).entrySet()) {
        List<Phase> open = Charts.kneePhases(f.getValue());
        if (open.isEmpty() || (!family.isEmpty() && !family.equals(f.getKey()))) {
          continue;
        }
        family = f.getKey();
        all.addAll(open);
        String key = Metric.primaryLatencyKey(open.get(0)).orElse(MetricNames.RPC);
        series.add(new LineChart.Series(r.name() + " p50",
            Charts.points(open, p -> Metric.latency("p50", key, LatencyHistogram::p50).of(p)), ri, 0));
        series.add(new LineChart.Series(r.name() + " p99",
            Charts.points(open, p -> Metric.latency("p99", key, LatencyHistogram::p99).of(p)), ri, 1));
        break;
      }
    }
    if (Charts.drawable(series).size() < 4) {
      return Optional.empty();
    }
    return Optional.of(new Figure("Latency against offered rate: " + family + ", side by side",
        "p50 and p99 of each input against the offered rate; whiskers span the repetitions' min..max.",
        LineChart.render("Latency against offered rate: " + family, Charts.rateAxis("offered rate (/s)", all),
            Charts.latencyAxis(series), series, Charts.WIDTH, Charts.HEIGHT)));
  }

  private static Optional<Figure> compareDiscovery(List<NamedResult> results) {
    List<LineChart.Series> series = new ArrayList<>();
    List<Map.Entry<Integer, Phase>> all = new ArrayList<>();
    int color = 0;
    for (NamedResult r : results) {
      for (Map.Entry<String, List<Map.Entry<Integer, Phase>>> g : Charts.discoveryPhases(r.result()).entrySet()) {
        List<Map.Entry<Integer, Phase>> phases = g.getValue();
        all.addAll(phases);
        String key = Metric.primaryLatencyKey(phases.get(0).getValue()).orElse(MetricNames.DISCOVERY_ALL);
        String name = r.name() + (g.getKey().isEmpty() ? "" : " " + g.getKey()) + " " + key;
        series.add(new LineChart.Series(name + " p50", Charts.servicePoints(phases, key, LatencyHistogram::p50), color, 0));
        series.add(new LineChart.Series(name + " p99", Charts.servicePoints(phases, key, LatencyHistogram::p99), color, 1));
        color++;
      }
    }
    if (Charts.drawable(series).size() < 4) {
      return Optional.empty();
    }
    all.sort(Map.Entry.comparingByKey());
    return Optional.of(new Figure("Discovery latency against the number of services, side by side",
        "Solid p50, dashed p99, one colour per input (and strategy); whiskers span the repetitions' min..max.",
        LineChart.render("Discovery latency against the number of services", Charts.servicesAxis(all),
            Charts.latencyAxis(series), series, Charts.WIDTH, Charts.HEIGHT)));
  }

  private static Optional<Figure> compareErrors(List<NamedResult> results) {
    List<String> phases = SideBySide.sharedPhases(results);
    if (phases.isEmpty()) {
      return Optional.empty();
    }
    List<String> keys = results.stream().map(NamedResult::name).toList();
    double[][] values = new double[phases.size()][keys.size()];
    for (int c = 0; c < phases.size(); c++) {
      for (int k = 0; k < keys.size(); k++) {
        Optional<Phase> p = results.get(k).result().phase(phases.get(c));
        values[c][k] = p.map(x -> (double) Metric.ERROR_COUNTS.stream().mapToLong(x::count).sum()
            + x.count(MetricNames.DUPLICATED)).orElse(-1.0);
      }
    }
    if (Charts.allZero(values)) {
      return Optional.of(Figure.sentence("Errors, loss and duplicates, side by side", "no errors, loss or duplicates"
          + " in any shared phase of any input, so no chart is drawn."));
    }
    return Optional.of(new Figure("Errors, loss and duplicates, side by side", "Per phase and input: timeouts +"
        + " no responders + remote errors + lost + duplicated, totals over each input's repetitions; log scale.",
        BarChart.render("Errors, loss and duplicates, side by side", "count", phases, keys, values, Charts.WIDTH, Charts.HEIGHT + 40)));
  }
}
