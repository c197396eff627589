package io.micronats.tck.rules;

import org.opentest4j.TestAbortedException;

/**
 * The outcome of a failed {@link Level#RECOMMENDED} rule when recommendations are reported as
 * warnings (the default): JUnit shows the test as aborted, and the TCK report shows the rule as
 * FAILED without changing the verdict.
 *
 * <p>Immutable once thrown. Set {@code -Dmicronats.tck.recommended=fail} to make such rules
 * ordinary failures.
 */
public final class RecommendationNotMet extends TestAbortedException {
  private static final long serialVersionUID = 1L;

  /** A failed recommendation, with the failure as the cause. */
  public RecommendationNotMet(String message, Throwable cause) {
    super(message, cause);
  }
}
