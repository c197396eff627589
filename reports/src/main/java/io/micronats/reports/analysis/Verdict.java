package io.micronats.reports.analysis;

/**
 * How one side of a comparison stands against the baseline (the first input) for one metric.
 *
 * <p>Immutable and thread-safe.
 */
public enum Verdict {
  /** This column is the baseline. */
  BASELINE("baseline"),
  /** Better than the baseline by more than the tolerance, and the spreads do not overlap. */
  BETTER("better"),
  /** Worse than the baseline by more than the tolerance, and the spreads do not overlap. */
  WORSE("worse"),
  /** Within the tolerance ({@value SideBySide#TOLERANCE_PERCENT} %) of the baseline. */
  SAME("same"),
  /** Different, but the repetitions' ranges overlap: not a real difference. */
  WITHIN_SPREAD("within spread"),
  /** One side has no value for this metric. */
  MISSING("n/a");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The shown word. */
  public String label() {
    return label;
  }
}
