package io.micronats.tck.rules;

/**
 * How binding a rule is: the level decides whether its failure makes an implementation
 * not compatible.
 *
 * <p>Immutable enum constants, safe to share between threads.
 */
public enum Level {
  /** Every implementation must keep the rule; a failure means NOT_COMPATIBLE. */
  REQUIRED,
  /**
   * The rule applies only to implementations that declare its {@link io.micronats.tck.Capability};
   * it is skipped otherwise, and a declared capability whose rule fails means NOT_COMPATIBLE.
   */
  OPTIONAL,
  /** Good behaviour the TCK reports, but which does not decide the verdict. */
  RECOMMENDED
}
