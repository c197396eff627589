package io.micronats.tck.runner;

import io.micronats.tck.rules.Rule;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one rule in one TCK run.
 *
 * <p>Immutable.
 *
 * @param rule the rule
 * @param status passed, failed or skipped
 * @param message the failure message or skip reason; {@code null} when passed
 * @param durationMillis how long the rule test ran
 */
public record RuleResult(Rule rule, Status status, @Nullable String message, long durationMillis) {

  /** A rule's outcome. */
  public enum Status {
    /** The rule held. */
    PASSED,
    /** The rule was broken (for a RECOMMENDED rule: not met). */
    FAILED,
    /** The rule did not run; the message says why. */
    SKIPPED
  }

  public RuleResult {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(status, "status");
  }
}
