package io.micronats.reports.html;

import io.micronats.reports.analysis.Format;
import io.micronats.reports.analysis.Metric;
import io.micronats.reports.analysis.PercentileSpectrum;
import io.micronats.reports.analysis.Spread;
import io.micronats.reports.model.Fault;
import io.micronats.reports.model.LatencyHistogram;
import io.micronats.reports.model.MetricNames;
import io.micronats.reports.model.Mode;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.RunResult;
import io.micronats.reports.model.TimePoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Which charts a single result shows and how each is built: latency by percentile, rate
 * and p99 over time, latency and achieved rate against offered rate (the knee), discovery latency
 * against the number of services, and loss/duplicate/error counts. Every legend or caption states
 * the run count and the spread.
 *
 * <p>Stateless and thread-safe; deterministic.
 */
final class Charts {
  static final int WIDTH = 760;
  static final int HEIGHT = 330;
  static final int SMALL_WIDTH = 520;
  static final int SMALL_HEIGHT = 290;
  private static final List<String> LOSS_ALWAYS = List.of(MetricNames.LOST, MetricNames.DUPLICATED);
  private static final List<String> LOSS_IF_ANY = List.of(MetricNames.REORDERED, MetricNames.TIMEOUTS,
      MetricNames.NO_RESPONDERS, MetricNames.REMOTE_ERRORS, MetricNames.SLOW_CONSUMERS);

  private Charts() {}

  /** The charts of one result. */
  static List<Figure> single(RunResult r) {
    List<Figure> figures = new ArrayList<>();
    Map<String, List<Phase>> families = families(r.phases());
    families.forEach((family, phases) -> percentiles(family, phases).ifPresent(figures::add));
    families.forEach((family, phases) -> figures.addAll(overTime(family, phases, r)));
    families.forEach((family, phases) -> figures.addAll(knee(family, phases)));
    discovery(r).ifPresent(figures::add);
    loss(r).ifPresent(figures::add);
    return figures;
  }

  /** The series that have at least one point drawable on a log axis (positive x and y). */
  static List<LineChart.Series> drawable(List<LineChart.Series> series) {
    return series.stream().filter(x -> x.points().stream().anyMatch(p -> p.x() >= 0 && p.y() > 0)).toList();
  }

  /** Phases grouped by workload, with {@code baseline-x} in family {@code x}, in first-seen order. */
  static Map<String, List<Phase>> families(List<Phase> phases) {
    Map<String, List<Phase>> families = new LinkedHashMap<>();
    for (Phase p : phases) {
      String family = p.workload().startsWith("baseline-") ? p.workload().substring("baseline-".length()) : p.workload();
      families.computeIfAbsent(family, f -> new ArrayList<>()).add(p);
    }
    return families;
  }

  private static Optional<Figure> percentiles(String family, List<Phase> phases) {
    List<LineChart.Series> series = new ArrayList<>();
    boolean everyKey = phases.size() <= 3;
    for (Phase p : phases) {
      Optional<String> primary = Metric.primaryLatencyKey(p);
      for (Map.Entry<String, LatencyHistogram> e : p.latency().entrySet()) {
        if (!everyKey && !primary.orElse("").equals(e.getKey())) {
          continue;
        }
        String name = p.name() + (p.latency().size() > 1 ? " " + e.getKey() : "") + " " + p99Note(p, e.getKey());
        series.add(new LineChart.Series(name, spectrum(e.getValue())));
      }
    }
    series = drawable(series);
    if (series.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Figure("Latency by percentile: " + family, "HdrHistogram style: x is 1/(1\u2212p) on a log"
        + " scale, so 90 %, 99 %, 99.9 % are equally spaced; the last point is the maximum. Curves are recomputed"
        + " from the encoded histograms merged over n repetitions (summary points when a phase has none); the legend"
        + " gives n and each phase's p99 range across repetitions. With more than three phases only each phase's"
        + " headline distribution is drawn; the latency table lists every distribution.",
        percentileChart("Latency by percentile: " + family, series, WIDTH, HEIGHT)));
  }

  static String percentileChart(String title, List<LineChart.Series> series, int width, int height) {
    double maxX = 1;
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (LineChart.Series s : series) {
      for (LineChart.Point p : s.points()) {
        maxX = Math.max(maxX, p.x());
        if (p.y() > 0) {
          lo = Math.min(lo, p.y());
        }
        hi = Math.max(hi, p.y());
      }
    }
    int top = (int) Math.ceil(maxX - 1e-9);
    List<Double> ticks = new ArrayList<>();
    for (int i = 0; i <= top; i++) {
      ticks.add((double) i);
    }
    Axis x = Axis.fixed("percentile", 0, top, ticks, Charts::percentileLabel);
    Axis y = Axis.log("latency", Double.isFinite(lo) ? lo : 1, Math.max(hi, 1), Format::microsTick);
    return LineChart.render(title, x, y, series, width, height);
  }

  static List<LineChart.Point> spectrum(LatencyHistogram h) {
    return PercentileSpectrum.of(h).stream().map(p -> LineChart.Point.of(p.x(), p.micros())).toList();
  }

  /** "0%", "90%", "99%", "99.9%", ... for x = log10(1/(1-p)). */
  static String percentileLabel(double x) {
    int k = (int) Math.round(x);
    if (k == 0) {
      return "0%";
    }
    return k == 1 ? "90%" : k == 2 ? "99%" : "99." + "9".repeat(k - 2) + "%";
  }

  static String p99Note(Phase p, String key) {
    Optional<Spread> s = Metric.latency("p99", key, LatencyHistogram::p99).of(p);
    if (s.isEmpty() || !s.get().hasSpread()) {
      return "(n=1)";
    }
    return "(n=" + s.get().n() + ", p99 " + Format.range(s.get().min(), s.get().max(), "us") + ")";
  }

  private static String rateNote(Phase p) {
    Optional<Spread> s = Metric.achievedRate().of(p);
    if (s.isEmpty() || !s.get().hasSpread()) {
      return "(n=" + Math.max(1, p.repetitions().size()) + ")";
    }
    return "(n=" + s.get().n() + ", " + Format.range(s.get().min(), s.get().max(), "/s") + ")";
  }

  /**
   * One marker per fault timed in one of {@code phases}, at its injection, shaded to its recovery;
   * the label names the phase too when several phases share the chart.
   */
  static List<LineChart.Marker> faultMarkers(RunResult r, List<Phase> phases) {
    List<LineChart.Marker> markers = new ArrayList<>();
    for (Phase p : phases) {
      for (Fault f : r.faultsIn(p.name())) {
        double at = f.injectedAtMillis() / 1000.0;
        Long back = f.recoveredAfterMillis();
        double until = back == null ? Double.NaN : (f.injectedAtMillis() + back) / 1000.0;
        markers.add(new LineChart.Marker(at, until, "fault " + f.name() + " (" + f.kind() + ")"
            + (phases.size() > 1 ? " in " + p.name() : "")));
      }
    }
    return markers;
  }

  /**
   * Rate and p99 over time. A phase with faults gets its own pair of charts, so that a fault's
   * marker is drawn only over the lines of the phase it was timed in; the phases without faults
   * share one pair.
   */
  private static List<Figure> overTime(String family, List<Phase> phases, RunResult result) {
    List<Phase> with = phases.stream().filter(p -> !p.timeSeries().isEmpty()).toList();
    List<Phase> quiet = with.stream().filter(p -> result.faultsIn(p.name()).isEmpty()).toList();
    List<Figure> out = new ArrayList<>(quiet.isEmpty() ? List.of() : overTimeCharts(family, quiet, result));
    for (Phase p : with) {
      if (!result.faultsIn(p.name()).isEmpty()) {
        out.addAll(overTimeCharts(family + ", phase " + p.name(), List.of(p), result));
      }
    }
    return out;
  }

  /**
   * The points of a phase's time series that cover a whole interval: the last point is dropped
   * when its interval is shorter than 90 % of the typical (median) interval, since the rate of
   * that partial tail (the phase's end, while in-flight calls drain) would be drawn as a drop.
   */
  static List<TimePoint> wholeIntervals(List<TimePoint> series) {
    if (series.size() < 3) {
      return series;
    }
    List<Long> lengths = new ArrayList<>();
    for (int i = 1; i < series.size(); i++) {
      lengths.add(series.get(i).tMillis() - series.get(i - 1).tMillis());
    }
    long last = lengths.get(lengths.size() - 1);
    List<Long> sorted = lengths.stream().sorted().toList();
    long median = sorted.get(sorted.size() / 2);
    return last < 0.9 * median ? series.subList(0, series.size() - 1) : series;
  }

  private static List<Figure> overTimeCharts(String family, List<Phase> with, RunResult result) {
    List<LineChart.Series> rates = new ArrayList<>();
    List<LineChart.Series> p99s = new ArrayList<>();
    double maxT = 0;
    double rLo = Double.POSITIVE_INFINITY;
    double rHi = 0;
    double pLo = Double.POSITIVE_INFINITY;
    double pHi = 0;
    boolean dropped = false;
    for (Phase p : with) {
      List<LineChart.Point> r = new ArrayList<>();
      List<LineChart.Point> q = new ArrayList<>();
      List<TimePoint> whole = wholeIntervals(p.timeSeries());
      dropped |= whole.size() < p.timeSeries().size();
      for (TimePoint t : whole) {
        double sec = t.tMillis() / 1000.0;
        maxT = Math.max(maxT, sec);
        r.add(LineChart.Point.of(sec, t.rate()));
        q.add(LineChart.Point.of(sec, t.p99Micros()));
        if (t.rate() > 0) {
          rLo = Math.min(rLo, t.rate());
        }
        rHi = Math.max(rHi, t.rate());
        if (t.p99Micros() > 0) {
          pLo = Math.min(pLo, t.p99Micros());
        }
        pHi = Math.max(pHi, t.p99Micros());
      }
      rates.add(new LineChart.Series(p.name() + " " + rateNote(p), r));
      p99s.add(new LineChart.Series(p.name() + " " + p99Note(p, Metric.primaryLatencyKey(p).orElse("")), q));
    }
    if (drawable(rates).isEmpty() || drawable(p99s).isEmpty()) {
      return List.of();
    }
    List<LineChart.Marker> markers = faultMarkers(result, with);
    for (LineChart.Marker m : markers) {
      maxT = Math.max(maxT, m.x());
    }
    Axis x = Axis.linear("seconds since the phase started", 0, maxT, Format::tick);
    boolean logRate = Double.isFinite(rLo) && rHi / rLo > 20;
    Axis yr = logRate ? Axis.log("completed per second", rLo, rHi, Format::tick)
        : Axis.linear("completed per second", 0, rHi, Format::tick);
    Axis yp = Axis.log("p99 latency", Double.isFinite(pLo) ? pLo : 1, Math.max(pHi, 1), Format::microsTick);
    String caption = "One point per interval of the phase, after merging its n repetitions; the legend gives n and"
        + " the range of %s across repetitions."
        + (dropped ? " " + PARTIAL_NOTE : "")
        + (markers.isEmpty() ? "" : " Dashed vertical lines mark the faults injected in this phase; the shading runs"
            + " to when error rate and p99 were back to baseline (see Faults).");
    return List.of(
        new Figure("Throughput over time: " + family, String.format(caption, "the achieved rate"),
            LineChart.render("Throughput over time: " + family, x, yr, rates, markers, WIDTH, HEIGHT)),
        new Figure("p99 latency over time: " + family, String.format(caption, "p99"),
            LineChart.render("p99 latency over time: " + family, x, yp, p99s, markers, WIDTH, HEIGHT)));
  }

  /** Said in a caption when a partial last interval was left out. */
  static final String PARTIAL_NOTE = "The last, partial interval of a phase (shorter than the others) is not drawn.";

  static List<Phase> kneePhases(List<Phase> phases) {
    List<Phase> open = phases.stream().filter(p -> p.mode() == Mode.OPEN && !p.latency().isEmpty())
        .sorted((a, b) -> Double.compare(a.targetRate().orElse(0), b.targetRate().orElse(0))).toList();
    long distinct = open.stream().mapToDouble(p -> p.targetRate().orElse(0)).distinct().count();
    return distinct >= 2 ? open : List.of();
  }

  private static List<Figure> knee(String family, List<Phase> phases) {
    List<Phase> open = kneePhases(phases);
    if (open.isEmpty()) {
      return List.of();
    }
    String key = Metric.primaryLatencyKey(open.get(0)).orElse(MetricNames.RPC);
    Map<String, ToDoubleFunction<LatencyHistogram>> fields = new LinkedHashMap<>();
    fields.put("p50", LatencyHistogram::p50);
    fields.put("p90", LatencyHistogram::p90);
    fields.put("p99", LatencyHistogram::p99);
    fields.put("p99.9", LatencyHistogram::p999);
    List<LineChart.Series> latency = new ArrayList<>();
    fields.forEach((name, f) -> latency.add(new LineChart.Series(key + " " + name,
        points(open, p -> Metric.latency(name, key, f).of(p)))));
    Metric achieved = Metric.achievedRate();
    List<LineChart.Series> rates = List.of(
        new LineChart.Series("achieved rate", points(open, achieved::of)),
        new LineChart.Series("ideal: achieved = offered", open.stream()
            .map(p -> LineChart.Point.of(p.targetRate().orElse(1), p.targetRate().orElse(1))).toList()));
    if (drawable(latency).isEmpty()) {
      return List.of();
    }
    int n = open.stream().mapToInt(p -> Math.max(1, p.repetitions().size())).max().orElse(1);
    String nNote = " Each point is one phase (n=" + n + " repetitions); whiskers span the repetitions' min..max.";
    return List.of(
        new Figure("Latency against offered rate: " + family, "The knee: where latency leaves the floor as the"
            + " offered (target) rate grows; open-model phases, latency from the intended send time." + nNote,
            LineChart.render("Latency against offered rate: " + family, rateAxis("offered rate (/s)", open),
                latencyAxis(latency), latency, WIDTH, HEIGHT)),
        new Figure("Achieved against offered rate: " + family, "Below the diagonal the system no longer keeps"
            + " up with the offered load." + nNote,
            LineChart.render("Achieved against offered rate: " + family, rateAxis("offered rate (/s)", open),
                rateAxisFromSeries(rates), rates, WIDTH, HEIGHT)));
  }

  static List<LineChart.Point> points(List<Phase> phases,
      java.util.function.Function<Phase, Optional<Spread>> metric) {
    List<LineChart.Point> points = new ArrayList<>();
    for (Phase p : phases) {
      metric.apply(p).ifPresent(s -> points.add(
          new LineChart.Point(p.targetRate().orElse(0), s.value(), s.min(), s.max())));
    }
    return points;
  }

  static Axis rateAxis(String title, List<Phase> open) {
    double lo = open.stream().mapToDouble(p -> p.targetRate().orElse(1)).min().orElse(1);
    double hi = open.stream().mapToDouble(p -> p.targetRate().orElse(1)).max().orElse(10);
    return Axis.log(title, lo, hi, Format::tick);
  }

  private static Axis rateAxisFromSeries(List<LineChart.Series> series) {
    double[] range = range(series);
    return Axis.log("completed per second", range[0], range[1], Format::tick);
  }

  static Axis latencyAxis(List<LineChart.Series> series) {
    double[] range = range(series);
    return Axis.log("latency", range[0], range[1], Format::microsTick);
  }

  private static double[] range(List<LineChart.Series> series) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 1;
    for (LineChart.Series s : series) {
      for (LineChart.Point p : s.points()) {
        if (p.lo() > 0) {
          lo = Math.min(lo, p.lo());
        }
        hi = Math.max(hi, p.hi());
      }
    }
    return new double[] {Double.isFinite(lo) ? lo : 1, hi};
  }

  /**
   * Discovery phases with a numeric {@code services} label (phase label, else run label), grouped
   * by their {@code strategy} label (empty when none) and sorted by services; only groups with at
   * least two sizes.
   */
  static Map<String, List<Map.Entry<Integer, Phase>>> discoveryPhases(RunResult r) {
    Map<String, List<Map.Entry<Integer, Phase>>> groups = new LinkedHashMap<>();
    for (Phase p : r.phases()) {
      String services = p.labels().getOrDefault(MetricNames.SERVICES, r.labels().get(MetricNames.SERVICES));
      if (p.workload().equals("discovery") && services != null && services.matches("\\d{1,9}")
          && !p.latency().isEmpty()) {
        String strategy = p.labels().getOrDefault(MetricNames.STRATEGY, "");
        groups.computeIfAbsent(strategy, k -> new ArrayList<>()).add(Map.entry(Integer.parseInt(services), p));
      }
    }
    Map<String, List<Map.Entry<Integer, Phase>>> out = new LinkedHashMap<>();
    groups.forEach((strategy, list) -> {
      list.sort(Map.Entry.comparingByKey());
      if (list.stream().map(Map.Entry::getKey).distinct().count() >= 2) {
        out.put(strategy, list);
      }
    });
    return out;
  }

  private static Optional<Figure> discovery(RunResult r) {
    Map<String, List<Map.Entry<Integer, Phase>>> groups = discoveryPhases(r);
    List<LineChart.Series> series = new ArrayList<>();
    List<Map.Entry<Integer, Phase>> all = new ArrayList<>();
    List<String> incomplete = new ArrayList<>();
    int color = 0;
    for (Map.Entry<String, List<Map.Entry<Integer, Phase>>> g : groups.entrySet()) {
      List<Map.Entry<Integer, Phase>> phases = g.getValue();
      all.addAll(phases);
      // A strategy that returned incomplete answers is flagged: its latency is not comparable.
      double completeness = phases.stream().mapToDouble(e -> e.getValue().rates().getOrDefault("completeness", 1.0))
          .min().orElse(1.0);
      String flag = completeness < 1.0 ? String.format(java.util.Locale.ROOT, " [INCOMPLETE %.3f]", completeness) : "";
      if (!flag.isEmpty()) {
        incomplete.add((g.getKey().isEmpty() ? "(no strategy)" : g.getKey()) + flag);
      }
      List<String> keys = new ArrayList<>();
      phases.forEach(e -> e.getValue().latency().keySet().forEach(k -> {
        if (!keys.contains(k)) {
          keys.add(k);
        }
      }));
      String prefix = g.getKey().isEmpty() ? flag.trim() + (flag.isEmpty() ? "" : " ") : g.getKey() + flag + " ";
      for (String key : keys) {
        series.add(new LineChart.Series(prefix + key + " p50", servicePoints(phases, key, LatencyHistogram::p50), color, 0));
        series.add(new LineChart.Series(prefix + key + " p99", servicePoints(phases, key, LatencyHistogram::p99), color, 1));
        color++;
      }
    }
    if (drawable(series).isEmpty()) {
      return Optional.empty();
    }
    all.sort(Map.Entry.comparingByKey());
    int n = all.stream().mapToInt(e -> Math.max(1, e.getValue().repetitions().size())).max().orElse(1);
    return Optional.of(new Figure("Discovery latency against the number of services", "Lookup latency per strategy"
        + " and distribution (solid p50, dashed p99) against the number of service instances. Each point is one"
        + " phase (n=" + n + " repetitions); whiskers span the repetitions' min..max."
        + (incomplete.isEmpty() ? "" : " Flagged, not comparable: answers were incomplete (completeness below 1.000,"
        + " the least of its phases) for " + String.join(", ", incomplete) + "."),
        LineChart.render("Discovery latency against the number of services", servicesAxis(all),
            latencyAxis(series), series, WIDTH, HEIGHT)));
  }

  static Axis servicesAxis(List<Map.Entry<Integer, Phase>> phases) {
    return Axis.log("service instances", phases.get(0).getKey(), phases.get(phases.size() - 1).getKey(), Format::tick);
  }

  static List<LineChart.Point> servicePoints(List<Map.Entry<Integer, Phase>> phases, String key,
      ToDoubleFunction<LatencyHistogram> field) {
    List<LineChart.Point> points = new ArrayList<>();
    for (Map.Entry<Integer, Phase> e : phases) {
      Metric.latency("", key, field).of(e.getValue()).ifPresent(s ->
          points.add(new LineChart.Point(e.getKey(), s.value(), s.min(), s.max())));
    }
    return points;
  }

  /** Whether no present value ({@code >= 0}) of {@code values} is above 0: a bar chart would be empty. */
  static boolean allZero(double[][] values) {
    for (double[] row : values) {
      for (double v : row) {
        if (v > 0) {
          return false;
        }
      }
    }
    return true;
  }

  private static Optional<Figure> loss(RunResult r) {
    List<String> keys = new ArrayList<>(LOSS_ALWAYS);
    for (String k : LOSS_IF_ANY) {
      if (r.phases().stream().anyMatch(p -> p.count(k) > 0)) {
        keys.add(k);
      }
    }
    List<Phase> phases = r.phases().stream().filter(p -> keys.stream().anyMatch(p.counts()::containsKey)).toList();
    if (phases.isEmpty()) {
      return Optional.empty();
    }
    double[][] values = new double[phases.size()][keys.size()];
    List<String> categories = new ArrayList<>();
    for (int c = 0; c < phases.size(); c++) {
      Phase p = phases.get(c);
      categories.add(p.name());
      for (int k = 0; k < keys.size(); k++) {
        Long v = p.counts().get(keys.get(k));
        values[c][k] = v == null ? -1 : v;
      }
    }
    int n = phases.stream().mapToInt(p -> Math.max(1, p.repetitions().size())).max().orElse(1);
    if (allZero(values)) {
      return Optional.of(Figure.sentence("Loss, duplicates and errors", "no errors, loss or duplicates in any phase"
          + " (" + String.join(", ", keys) + " all 0 over n=" + n + " repetitions per phase), so no chart is drawn."));
    }
    return Optional.of(new Figure("Loss, duplicates and errors", "Totals over n=" + n + " repetitions per phase"
        + " (per-repetition values in the tables); log scale, zero written as 0; a key absent from a phase has no bar.",
        BarChart.render("Loss, duplicates and errors", "count", categories, keys, values, WIDTH, HEIGHT + 40)));
  }
}
