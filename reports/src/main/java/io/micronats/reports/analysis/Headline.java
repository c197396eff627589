package io.micronats.reports.analysis;

import io.micronats.reports.NamedResult;
import io.micronats.reports.NamedTckReport;
import io.micronats.reports.ReportSet;
import io.micronats.reports.model.Comparison;
import io.micronats.reports.model.Fault;
import io.micronats.reports.model.LatencyHistogram;
import io.micronats.reports.model.MetricNames;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The short verdict block every report opens with (HTML, Markdown and the simulator's terminal
 * summary print the same lines): for one run, per phase the achieved rate against the target,
 * p50/p99 and errors, per fault what was lost and when it recovered, and micronats against raw;
 * for a comparison, only the differences that pass {@link SideBySide#METHOD}.
 *
 * <p>Stateless and thread-safe; deterministic.
 */
public final class Headline {
  /** Phases listed before the rest is summarised in one line. */
  static final int MAX_PHASES = 8;

  private Headline() {}

  /** The headline of a whole report: a comparison, a single run, then each TCK report's verdict. */
  public static List<String> of(ReportSet set) {
    List<String> lines = new ArrayList<>();
    if (set.isComparison()) {
      lines.addAll(comparison(set.results()));
    } else if (!set.results().isEmpty()) {
      lines.addAll(single(set.results().get(0).result()));
    }
    for (NamedTckReport r : set.tckReports()) {
      lines.add("TCK " + r.name() + ": " + r.report().verdict().name() + " (" + r.report().counts().passed()
          + " passed, " + r.report().counts().failed() + " failed, " + r.report().counts().skipped()
          + " skipped of " + r.report().counts().total() + ")");
    }
    set.benches().forEach(b -> lines.addAll(b.headline()));
    return lines;
  }

  /** The headline lines of a single run (plain text, no markup). */
  public static List<String> single(RunResult result) {
    List<String> lines = new ArrayList<>();
    List<Phase> phases = result.phases();
    for (int i = 0; i < phases.size() && i < MAX_PHASES; i++) {
      lines.add(phase(phases.get(i)));
    }
    if (phases.size() > MAX_PHASES) {
      long errors = phases.stream().skip(MAX_PHASES).mapToLong(Headline::errors).sum();
      lines.add("... " + (phases.size() - MAX_PHASES) + " more phases (" + Format.count(errors)
          + " errors in them): see the tables.");
    }
    for (Fault f : result.faults()) {
      lines.add(fault(f));
    }
    for (Comparison c : result.comparisons()) {
      lines.add("micronats vs raw, " + c.name() + ": " + Format.ratio(c.ratio()) + " raw (ours "
          + Format.value(c.ours(), c.unit()) + ", raw " + Format.value(c.raw(), c.unit()) + ")");
    }
    if (lines.isEmpty()) {
      lines.add("No phases were measured.");
    }
    return lines;
  }

  /** The headline lines of a comparison of {@code results} (the first is the baseline). */
  public static List<String> comparison(List<NamedResult> results) {
    List<String> lines = new ArrayList<>();
    lines.add("Baseline " + results.get(0).name() + "; compared: "
        + String.join(", ", results.stream().skip(1).map(NamedResult::name).toList()) + ".");
    List<String> settings = differingSettings(results);
    if (!settings.isEmpty()) {
      lines.add("Settings that differ: " + String.join(", ", settings) + ".");
    }
    List<ComparisonRow> rows = SideBySide.compare(results);
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (ComparisonRow row : rows) {
      for (int i = 1; i < results.size(); i++) {
        Verdict v = row.verdicts().get(i);
        if (v == Verdict.BETTER || v == Verdict.WORSE) {
          String key = results.get(i).name() + ", " + row.phase() + ", " + v.label() + ": ";
          String figure = row.metric().name() + " " + Format.ratio(row.ratios().get(i).orElse(Double.NaN));
          if (row.metric().name().equals("p99") || row.metric().name().equals("achieved rate")) {
            figure += " (" + Format.value(row.values().get(i).orElseThrow().value(), row.metric().unit()) + " vs "
                + Format.value(row.values().get(0).orElseThrow().value(), row.metric().unit()) + ")";
          }
          groups.computeIfAbsent(key, k -> new ArrayList<>()).add(figure);
        }
      }
    }
    int called = groups.size();
    groups.entrySet().stream().limit(MAX_PHASES)
        .forEach(e -> lines.add(e.getKey() + String.join(", ", e.getValue())));
    if (called > MAX_PHASES) {
      lines.add("... " + (called - MAX_PHASES) + " more phases with differences that pass the test: see Side by side.");
    }
    if (called == 0) {
      int n = SideBySide.smallestN(rows);
      lines.add(rows.isEmpty() ? "No phase is shared, nothing to compare."
          : "No difference passes the test (not distinguishable, smallest n=" + n + ").");
    }
    SideBySide.suggestion(rows).ifPresent(lines::add);
    return lines;
  }

  /** The scenario settings and labels whose values differ, as {@code key (a vs b)}. */
  public static List<String> differingSettings(List<NamedResult> results) {
    Set<String> keys = new LinkedHashSet<>();
    results.forEach(r -> keys.addAll(r.result().labels().keySet()));
    results.forEach(r -> keys.addAll(r.result().scenario().settings().keySet()));
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      List<String> values = results.stream().map(r -> value(r.result(), k)).toList();
      if (values.stream().distinct().count() > 1) {
        out.add(k + " (" + String.join(" vs ", values.stream().map(v -> v.isEmpty() ? "-" : shorten(v)).toList()) + ")");
      }
    }
    return out;
  }

  private static String value(RunResult r, String key) {
    String label = r.labels().get(key);
    return label != null ? label : r.scenario().settings().getOrDefault(key, "");
  }

  private static String shorten(String v) {
    return v.length() > 40 ? v.substring(0, 37) + "..." : v;
  }

  private static String phase(Phase p) {
    StringBuilder line = new StringBuilder(p.name()).append(" (").append(Tables.mode(p)).append("): ");
    Optional<Spread> rate = Metric.achievedRate().of(p);
    line.append(rate.map(s -> Format.value(s.value(), "/s")).orElse("-"));
    if (p.targetRate().isPresent()) {
      line.append(" of ").append(Format.value(p.targetRate().getAsDouble(), "/s")).append(" target");
    }
    Metric.primaryLatencyKey(p).ifPresent(key -> {
      LatencyHistogram h = p.latency().get(key);
      if (h != null && h.count() > 0) {
        line.append(", ").append(key).append(" p50 ").append(Format.micros(h.p50())).append(" p99 ")
            .append(Format.micros(h.p99()));
      }
    });
    line.append(", ").append(Format.count(errors(p))).append(" errors");
    long dup = p.count(MetricNames.DUPLICATED);
    if (dup > 0) {
      line.append(", ").append(Format.count(dup)).append(" duplicated");
    }
    int n = Math.max(1, p.repetitions().size());
    return line.append(" (n=").append(n).append(')').toString();
  }

  private static long errors(Phase p) {
    return Metric.ERROR_COUNTS.stream().mapToLong(p::count).sum();
  }

  private static String fault(Fault f) {
    StringBuilder line = new StringBuilder("fault ").append(f.name()).append(" (").append(f.kind()).append(')');
    if (f.phase() != null) {
      line.append(" in ").append(f.phase());
    }
    line.append(" at ").append(seconds(f.injectedAtMillis())).append(": ");
    List<String> lost = new ArrayList<>();
    if (f.rpc().calls() > 0) {
      lost.add(Format.count(f.rpc().failed()) + " of " + Format.count(f.rpc().calls()) + " RPC calls failed");
    }
    if (f.broker().sent() > 0) {
      lost.add(Format.count(f.broker().lost()) + " of " + Format.count(f.broker().sent()) + " messages lost"
          + (f.broker().duplicated() > 0 ? ", " + Format.count(f.broker().duplicated()) + " duplicated" : ""));
    }
    if (f.registry().lookups() > 0 && f.registry().staleEntries() > 0) {
      lost.add(Format.count(f.registry().staleEntries()) + " stale registry entries");
    }
    line.append(lost.isEmpty() ? "nothing counted" : String.join(", ", lost));
    Long back = f.recoveredAfterMillis();
    line.append("; ").append(back == null ? "recovery not decided" : "recovered after " + seconds(back));
    return line.toString();
  }

  private static String seconds(long millis) {
    return Format.number(millis / 1000.0) + " s";
  }
}
