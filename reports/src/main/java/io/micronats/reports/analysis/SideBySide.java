package io.micronats.reports.analysis;

import io.micronats.reports.NamedResult;
import io.micronats.reports.model.Phase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The comparison of several results side by side: for every phase name that at least two results
 * share, every {@linkplain Metric#standard standard metric}, with ratios to the first result (the
 * baseline) and a verdict per side.
 *
 * <p>Stateless and thread-safe. Repetitions are the unit: the verdict rule is {@link #METHOD}.
 */
public final class SideBySide {
  /** Differences up to this many percent count as the same. */
  public static final int TOLERANCE_PERCENT = 2;

  /** Repetitions each side needs before a difference can be called. */
  public static final int MIN_REPETITIONS = 3;

  /** The test behind every better/worse, stated once on each page that shows verdicts. */
  public static final String METHOD = "Repetitions are the unit. A side is called better or worse than the"
      + " baseline only when both have at least " + MIN_REPETITIONS + " repetitions, their ranges (smallest to"
      + " largest repetition) do not overlap, and the figures differ by more than " + TOLERANCE_PERCENT
      + " %. Anything else is \"not distinguishable\", with the smaller n.";

  private SideBySide() {}

  /** The smallest repetition count behind any compared figure, 0 when nothing is compared. */
  public static int smallestN(List<ComparisonRow> rows) {
    return rows.stream().flatMap(r -> r.values().stream()).flatMap(Optional::stream)
        .mapToInt(Spread::n).min().orElse(0);
  }

  /** What to do when {@code n} is too small for the test, empty when it is enough. */
  public static Optional<String> suggestion(List<ComparisonRow> rows) {
    int n = smallestN(rows);
    if (n == 0 || n >= MIN_REPETITIONS) {
      return Optional.empty();
    }
    // Only bench repeats within one run so far; simulate has no such flag yet, and saying so
    // keeps the advice true.
    return Optional.of("Some figures rest on n=" + n + ": no difference can be called. Run each side"
        + " with --repetitions " + MIN_REPETITIONS + " (or more; bench has it, simulate not yet) and compare again.");
  }

  /** The phase names shared by at least two results, in order of first appearance. */
  public static List<String> sharedPhases(List<NamedResult> results) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> shared = new ArrayList<>();
    for (NamedResult r : results) {
      for (Phase p : r.result().phases()) {
        if (!seen.add(p.name()) && !shared.contains(p.name())) {
          shared.add(p.name());
        }
      }
    }
    List<String> ordered = new ArrayList<>(seen);
    ordered.retainAll(shared);
    return ordered;
  }

  /** Every comparison row, phase by phase in {@link #sharedPhases} order, metrics in standard order. */
  public static List<ComparisonRow> compare(List<NamedResult> results) {
    List<ComparisonRow> rows = new ArrayList<>();
    for (String phaseName : sharedPhases(results)) {
      List<Optional<Phase>> phases = results.stream().map(r -> r.result().phase(phaseName)).toList();
      Phase template = phases.stream().flatMap(Optional::stream).findFirst().orElseThrow();
      for (Metric metric : Metric.standard(template)) {
        List<Optional<Spread>> values = phases.stream()
            .map(p -> p.flatMap(metric::of)).toList();
        if (values.stream().filter(Optional::isPresent).count() < 2) {
          continue;
        }
        rows.add(row(phaseName, metric, values));
      }
    }
    return rows;
  }

  static ComparisonRow row(String phase, Metric metric, List<Optional<Spread>> values) {
    List<OptionalDouble> ratios = new ArrayList<>();
    List<Verdict> verdicts = new ArrayList<>();
    Optional<Spread> base = values.get(0);
    for (int i = 0; i < values.size(); i++) {
      Optional<Spread> v = values.get(i);
      if (i == 0) {
        ratios.add(v.isPresent() ? OptionalDouble.of(1.0) : OptionalDouble.empty());
        verdicts.add(Verdict.BASELINE);
      } else if (v.isEmpty() || base.isEmpty()) {
        ratios.add(OptionalDouble.empty());
        verdicts.add(Verdict.MISSING);
      } else {
        ratios.add(base.get().value() == 0 ? OptionalDouble.empty()
            : OptionalDouble.of(v.get().value() / base.get().value()));
        verdicts.add(verdict(metric, v.get(), base.get()));
      }
    }
    return new ComparisonRow(phase, metric, values, ratios, verdicts);
  }

  /** The verdict of {@code side} against {@code base} for {@code metric}. */
  public static Verdict verdict(Metric metric, Spread side, Spread base) {
    double a = side.value();
    double b = base.value();
    if (Math.min(side.n(), base.n()) < MIN_REPETITIONS || side.overlaps(base)) {
      return Verdict.NOT_DISTINGUISHABLE;
    }
    double scale = Math.max(Math.abs(a), Math.abs(b));
    if (scale == 0 || Math.abs(a - b) <= scale * TOLERANCE_PERCENT / 100.0) {
      return Verdict.SAME;
    }
    return metric.better().isBetter(a, b) ? Verdict.BETTER : Verdict.WORSE;
  }
}
