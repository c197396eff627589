package io.micronats.reports.analysis;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A figure with its run count and spread: the aggregate value, the number of runs it stands for,
 * and the smallest and largest value over those runs (equal to the value when {@code n == 1}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the aggregate value
 * @param n the number of runs (repetitions) behind it, at least 1
 * @param min the smallest single-run value
 * @param max the largest single-run value
 */
public record Spread(double value, int n, double min, double max) {
  /** Validates {@code n >= 1}. */
  public Spread {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, was " + n);
    }
  }

  /** A single-run figure. */
  public static Spread single(double value) {
    return new Spread(value, 1, value, value);
  }

  /** The aggregate with the spread of {@code runs} (empty entries are ignored; none gives n=1). */
  public static Spread of(double value, List<OptionalDouble> runs) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (OptionalDouble run : runs) {
      if (run.isPresent()) {
        min = Math.min(min, run.getAsDouble());
        max = Math.max(max, run.getAsDouble());
        n++;
      }
    }
    return n == 0 ? single(value) : new Spread(value, n, min, max);
  }

  /** Whether the single-run values differ (there is a spread to show). */
  public boolean hasSpread() {
    return n > 1;
  }

  /** Whether this and {@code other} share any value between their min and max (inclusive). */
  public boolean overlaps(Spread other) {
    return min <= other.max && other.min <= max;
  }

  /** Relative half-width of the spread, {@code (max - min) / 2 / value}, 0 for a single run. */
  public double relativeSpread() {
    return value == 0 ? 0 : (max - min) / 2 / Math.abs(value);
  }
}
