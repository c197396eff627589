package io.micronats.reports.analysis;

/**
 * How one side of a comparison stands against the baseline (the first input) for one metric.
 *
 * <p>Immutable and thread-safe.
 */
public enum Verdict {
  /** This column is the baseline. */
  BASELINE("baseline"),
  /** Better than the baseline: the {@linkplain SideBySide#METHOD stated test} passes. */
  BETTER("better"),
  /** Worse than the baseline: the {@linkplain SideBySide#METHOD stated test} passes. */
  WORSE("worse"),
  /**
   * Both sides have enough repetitions and their ranges do not overlap, but the aggregates are
   * within the tolerance ({@value SideBySide#TOLERANCE_PERCENT} %) of each other.
   */
  SAME("same"),
  /**
   * The test cannot call a difference: fewer than {@value SideBySide#MIN_REPETITIONS} repetitions
   * on a side, or the repetitions' ranges overlap.
   */
  NOT_DISTINGUISHABLE("not distinguishable"),
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
