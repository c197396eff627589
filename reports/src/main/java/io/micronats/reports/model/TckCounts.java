package io.micronats.reports.model;

/**
 * The rule counts of a TCK report.
 *
 * <p>Immutable and thread-safe.
 *
 * @param total rules in the report
 * @param passed rules that held
 * @param failed rules that were broken
 * @param skipped rules not checked
 */
public record TckCounts(int total, int passed, int failed, int skipped) {
  /** Validates: no count negative, and {@code total = passed + failed + skipped}. */
  public TckCounts {
    if (total < 0 || passed < 0 || failed < 0 || skipped < 0) {
      throw new IllegalArgumentException("counts must be >= 0: " + total + "/" + passed + "/" + failed + "/" + skipped);
    }
    if (total != passed + failed + skipped) {
      throw new IllegalArgumentException("counts.total (" + total + ") must equal passed + failed + skipped ("
          + (passed + failed + skipped) + ")");
    }
  }
}
