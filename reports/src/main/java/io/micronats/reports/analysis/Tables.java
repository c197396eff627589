package io.micronats.reports.analysis;

import io.micronats.reports.NamedResult;
import io.micronats.reports.analysis.Cell.Tone;
import io.micronats.reports.model.Comparison;
import io.micronats.reports.model.LatencyHistogram;
import io.micronats.reports.model.MetricNames;
import io.micronats.reports.model.Mode;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The tables of simulator results: environment stamp, latency percentiles, rates and errors,
 * baseline comparisons and the side-by-side comparison of several results.
 *
 * <p>Stateless and thread-safe. Every figure carries its run count and spread.
 */
public final class Tables {
  private static final List<String> COUNT_ORDER = List.of(MetricNames.SUCCESSES, MetricNames.TIMEOUTS,
      MetricNames.NO_RESPONDERS, MetricNames.REMOTE_ERRORS, MetricNames.LOST, MetricNames.DUPLICATED,
      MetricNames.REORDERED, MetricNames.SLOW_CONSUMERS, MetricNames.CLAMPED);

  private Tables() {}

  /** The environment stamp and the run labels: one column per result, differing rows marked. */
  public static Table environment(List<NamedResult> results) {
    Map<String, Function<RunResult, String>> fields = new LinkedHashMap<>();
    fields.put("scenario", r -> r.scenario().name());
    fields.put("started", r -> r.startedAt().toString());
    fields.put("java", r -> r.environment().java());
    fields.put("jnats", r -> r.environment().jnats());
    fields.put("nats-server", r -> r.environment().natsServer());
    fields.put("cores", r -> Integer.toString(r.environment().cores()));
    fields.put("os", r -> r.environment().os());
    fields.put("hostname", r -> r.environment().hostname());
    Set<String> extra = new LinkedHashSet<>();
    Set<String> labels = new LinkedHashSet<>();
    for (NamedResult r : results) {
      extra.addAll(r.result().environment().extra().keySet());
      labels.addAll(r.result().labels().keySet());
    }
    extra.forEach(k -> fields.put(k, r -> r.environment().extra().getOrDefault(k, "")));
    labels.forEach(k -> fields.put("label " + k, r -> r.labels().getOrDefault(k, "")));
    return perResult("Environment", results.size() > 1
        ? "Versions, machine and labels; highlighted rows differ between the inputs."
        : "Versions, machine and labels of the run.", results, fields);
  }

  /** The scenarios' raw settings: one column per result, differing rows marked. */
  public static Table settings(List<NamedResult> results) {
    Set<String> keys = new LinkedHashSet<>();
    results.forEach(r -> keys.addAll(r.result().scenario().settings().keySet()));
    Map<String, Function<RunResult, String>> fields = new LinkedHashMap<>();
    keys.forEach(k -> fields.put(k, r -> r.scenario().settings().getOrDefault(k, "")));
    return perResult("Scenario settings", "The raw settings as given" + (results.size() > 1
        ? "; highlighted rows differ between the inputs." : "."), results, fields);
  }

  private static Table perResult(String title, String caption, List<NamedResult> results,
      Map<String, Function<RunResult, String>> fields) {
    List<String> header = new ArrayList<>();
    header.add("");
    header.addAll(columnNames(results));
    caption = caption + (results.size() > 1 ? legend(results) : "");
    List<List<Cell>> rows = new ArrayList<>();
    fields.forEach((name, field) -> {
      List<Cell> row = new ArrayList<>();
      row.add(Cell.of(name));
      boolean differs = results.stream().map(r -> field.apply(r.result())).distinct().count() > 1;
      results.forEach(r -> row.add(Cell.of(field.apply(r.result()), differs ? Tone.WARN : Tone.PLAIN)));
      rows.add(row);
    });
    return new Table(title, caption, header, rows, header.size());
  }

  /** Latency percentiles of every distribution of every phase of {@code result}. */
  public static Table latency(RunResult result) {
    List<String> header = List.of("phase", "distribution", "mode", "n", "count", "p50", "p90", "p99", "p99.9", "max");
    List<List<Cell>> rows = new ArrayList<>();
    for (Phase p : result.phases()) {
      for (Map.Entry<String, LatencyHistogram> e : p.latency().entrySet()) {
        String key = e.getKey();
        List<Cell> row = new ArrayList<>();
        row.add(Cell.of(p.name()));
        row.add(Cell.of(key));
        row.add(Cell.of(mode(p)));
        row.add(Cell.of(Integer.toString(Math.max(1, p.repetitions().size()))));
        row.add(Cell.of(Format.count((double) e.getValue().count())));
        row.add(latencyCell(p, key, LatencyHistogram::p50));
        row.add(latencyCell(p, key, LatencyHistogram::p90));
        row.add(latencyCell(p, key, LatencyHistogram::p99));
        row.add(latencyCell(p, key, LatencyHistogram::p999));
        row.add(latencyCell(p, key, LatencyHistogram::max));
        rows.add(row);
      }
    }
    return new Table("Latency", "Aggregate over n repetitions; in brackets the range of the single repetitions."
        + " Open phases are measured from the intended send time; closed phases are closed-loop.", header, rows, 3);
  }

  /** Offered and achieved rates and every count of every phase of {@code result}. */
  public static Table ratesAndErrors(RunResult result) {
    Set<String> keys = new LinkedHashSet<>();
    COUNT_ORDER.forEach(k -> {
      if (result.phases().stream().anyMatch(p -> p.counts().containsKey(k))) {
        keys.add(k);
      }
    });
    Set<String> others = new TreeSet<>();
    result.phases().forEach(p -> others.addAll(p.counts().keySet()));
    others.removeAll(keys);
    keys.addAll(others);
    List<String> header = new ArrayList<>(List.of("phase", "workload", "mode", "n", "duration", "target", "achieved"));
    header.addAll(keys);
    List<List<Cell>> rows = new ArrayList<>();
    for (Phase p : result.phases()) {
      List<Cell> row = new ArrayList<>();
      row.add(Cell.of(p.name()));
      row.add(Cell.of(p.workload()));
      row.add(Cell.of(mode(p)));
      row.add(Cell.of(Integer.toString(Math.max(1, p.repetitions().size()))));
      row.add(Cell.of(Format.number(p.duration().toMillis() / 1000.0) + " s"));
      row.add(Cell.of(p.targetRate().isPresent() ? Format.number(p.targetRate().getAsDouble()) + "/s" : "-"));
      row.add(spreadCell(Metric.achievedRate().of(p), "/s"));
      for (String k : keys) {
        Long v = p.counts().get(k);
        boolean bad = v != null && v > 0 && !k.equals(MetricNames.SUCCESSES);
        row.add(v == null ? Cell.of("-", Tone.MUTED) : Cell.of(Format.count(v), bad ? Tone.BAD : Tone.PLAIN));
      }
      rows.add(row);
    }
    return new Table("Rates and errors", "Counts are totals over all repetitions; achieved rate is the mean,"
        + " in brackets the range of the single repetitions.", header, rows, 3);
  }

  /**
   * The run's own micronats-against-raw comparisons; empty when it has none. A side is named better
   * only under {@link SideBySide#METHOD}: an in-run comparison holds one figure per side (n=1), so it
   * is shown as "not distinguishable (n=1)" in neutral colour, never as better or worse.
   */
  public static Optional<Table> baseline(RunResult result) {
    if (result.comparisons().isEmpty()) {
      return Optional.empty();
    }
    List<List<Cell>> rows = new ArrayList<>();
    for (Comparison c : result.comparisons()) {
      rows.add(List.of(Cell.of(c.name()), baselineVerdict(c),
          Cell.of(Format.value(c.ours(), c.unit())), Cell.of(Format.value(c.raw(), c.unit())),
          Cell.of(Format.ratio(c.ratio()))));
    }
    return Optional.of(new Table("micronats against the raw baseline",
        "ratio = ours / raw, both measured in the same run on the same machine. " + SideBySide.METHOD
            + " Each side here is one figure (n=1), so no side is called better; for a verdict compare"
            + " runs with --repetitions " + SideBySide.MIN_REPETITIONS + " or use bench's pairs.",
        List.of("metric", "verdict", "micronats", "raw", "ratio"), rows, 2));
  }

  /** The verdict cell of {@code c} under the comparisons' rule: one figure per side is n=1. */
  static Cell baselineVerdict(Comparison c) {
    Metric metric = new Metric(c.name(), c.unit(), c.better(), m -> OptionalDouble.empty());
    Verdict v = SideBySide.verdict(metric, Spread.single(c.ours()), Spread.single(c.raw()));
    return switch (v) {
      case BETTER -> Cell.of("micronats better", Tone.GOOD);
      case WORSE -> Cell.of("raw better", Tone.BAD);
      case NOT_DISTINGUISHABLE -> Cell.of("not distinguishable (n=1)", Tone.MUTED);
      default -> Cell.of(v.label(), Tone.MUTED);
    };
  }

  /** Input names longer than this are shown as letters in column headers, with a legend. */
  static final int SHORT_NAME = 14;

  /** Column headers for the inputs: their names, or A, B, C... when a name is long. */
  public static List<String> columnNames(List<NamedResult> results) {
    boolean letters = results.stream().anyMatch(r -> r.name().length() > SHORT_NAME);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      out.add(letters ? String.valueOf((char) ('A' + Math.min(i, 25))) : results.get(i).name());
    }
    return out;
  }

  /** The legend of {@link #columnNames}, empty when the names are shown as they are. */
  public static String legend(List<NamedResult> results) {
    List<String> names = columnNames(results);
    if (names.get(0).equals(results.get(0).name())) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      parts.add(names.get(i) + " = " + results.get(i).name());
    }
    return " Columns: " + String.join("; ", parts) + ".";
  }

  /** {@code table} with only the rows holding a better/worse call (a good or bad cell). */
  public static Table calledOnly(Table table) {
    List<List<Cell>> rows = table.rows().stream()
        .filter(r -> r.stream().anyMatch(c -> c.tone() == Tone.GOOD || c.tone() == Tone.BAD)).toList();
    return new Table(table.title() + ": differences that pass the test", table.caption(), table.header(), rows,
        table.leftColumns());
  }

  /** {@code table} with only the rows whose values differ between the inputs (marked cells). */
  public static Table differencesOnly(Table table) {
    List<List<Cell>> rows = table.rows().stream()
        .filter(r -> r.stream().anyMatch(c -> c.tone() == Tone.WARN)).toList();
    return new Table(table.title() + ": differences only", rows.isEmpty()
        ? "Every setting is the same in all inputs." : "Only the rows that differ between the inputs.",
        table.header(), rows, table.leftColumns());
  }

  /** The side-by-side comparison of several results, the first being the baseline. */
  public static Table sideBySide(List<NamedResult> results) {
    List<String> header = new ArrayList<>(List.of("phase", "metric"));
    List<String> columns = columnNames(results);
    for (int i = 0; i < results.size(); i++) {
      header.add(columns.get(i) + (i == 0 ? " (base)" : ""));
    }
    header.add("best");
    List<List<Cell>> rows = new ArrayList<>();
    for (ComparisonRow row : SideBySide.compare(results)) {
      List<Cell> cells = new ArrayList<>();
      cells.add(Cell.of(row.phase()));
      cells.add(Cell.of(row.metric().name() + (row.metric().better() == io.micronats.reports.model.Better.HIGHER
          ? " \u2191" : " \u2193")));
      for (int i = 0; i < results.size(); i++) {
        cells.add(comparisonCell(row, i));
      }
      OptionalDouble best = row.bestIndex();
      boolean allSame = row.verdicts().stream().noneMatch(v -> v == Verdict.BETTER || v == Verdict.WORSE);
      cells.add(best.isEmpty() || allSame ? Cell.of("-", Tone.MUTED)
          : Cell.of(columns.get((int) best.getAsDouble())));
      rows.add(cells);
    }
    return new Table("Side by side", "Each value with its range over repetitions and n; ratio to the baseline"
        + " (first input) and verdict by the stated test. \u2191 higher is better, \u2193 lower is better."
        + legend(results),
        header, rows, 2);
  }

  private static Cell comparisonCell(ComparisonRow row, int i) {
    Optional<Spread> v = row.values().get(i);
    if (v.isEmpty()) {
      return Cell.of("-", Tone.MUTED);
    }
    String text = Format.spread(v.get(), row.metric().unit());
    Verdict verdict = row.verdicts().get(i);
    if (verdict == Verdict.BASELINE) {
      return Cell.of(text);
    }
    OptionalDouble ratio = row.ratios().get(i);
    String label = verdict == Verdict.NOT_DISTINGUISHABLE
        ? verdict.label() + " (n=" + Math.min(v.get().n(), row.values().get(0).map(Spread::n).orElse(1)) + ")"
        : verdict.label();
    String suffix = (ratio.isPresent() ? " " + Format.ratio(ratio.getAsDouble()) : "") + " " + label;
    Tone tone = switch (verdict) {
      case BETTER -> Tone.GOOD;
      case WORSE -> Tone.BAD;
      case NOT_DISTINGUISHABLE, SAME, MISSING, BASELINE -> Tone.MUTED;
    };
    return Cell.of(text + suffix, tone);
  }

  private static Cell latencyCell(Phase p, String key, ToDoubleFunction<LatencyHistogram> field) {
    return spreadCell(Metric.latency("", key, field).of(p), "us");
  }

  private static Cell spreadCell(Optional<Spread> s, String unit) {
    if (s.isEmpty()) {
      return Cell.of("-", Tone.MUTED);
    }
    Spread v = s.get();
    String text = Format.value(v.value(), unit);
    return Cell.of(v.hasSpread() ? text + " (" + Format.range(v.min(), v.max(), unit) + ")" : text);
  }

  /** "open 2,000/s" or "closed x4". */
  public static String mode(Phase p) {
    if (p.mode() == Mode.OPEN) {
      return "open " + Format.number(p.targetRate().orElse(0)) + "/s";
    }
    return "closed" + (p.concurrency().isPresent() ? " \u00d7" + p.concurrency().getAsInt() : "");
  }
}
