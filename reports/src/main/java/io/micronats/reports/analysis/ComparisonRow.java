package io.micronats.reports.analysis;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One metric of one phase across several results: each side's value with its spread, its ratio to
 * the baseline (the first side) and its verdict.
 *
 * <p>Immutable and thread-safe. The three lists have one entry per side, in input order.
 *
 * @param phase the phase name shared by the sides
 * @param metric the compared metric
 * @param values each side's figure, empty when the side lacks it
 * @param ratios each side's value divided by the baseline's, empty when undefined
 * @param verdicts each side against the baseline
 */
public record ComparisonRow(
    String phase, Metric metric, List<Optional<Spread>> values, List<OptionalDouble> ratios,
    List<Verdict> verdicts) {
  /** Copies the lists and checks they have the same length. */
  public ComparisonRow {
    values = List.copyOf(values);
    ratios = List.copyOf(ratios);
    verdicts = List.copyOf(verdicts);
    if (values.size() != ratios.size() || values.size() != verdicts.size()) {
      throw new IllegalArgumentException("values, ratios and verdicts must have one entry per side");
    }
  }

  /** The index of the best side (ties: the first), if at least one side has a value. */
  public OptionalDouble bestIndex() {
    int best = -1;
    for (int i = 0; i < values.size(); i++) {
      Optional<Spread> v = values.get(i);
      if (v.isPresent() && (best < 0
          || metric.better().isBetter(v.get().value(), values.get(best).orElseThrow().value()))) {
        best = i;
      }
    }
    return best < 0 ? OptionalDouble.empty() : OptionalDouble.of(best);
  }
}
