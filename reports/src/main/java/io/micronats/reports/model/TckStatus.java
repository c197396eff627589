package io.micronats.reports.model;

/**
 * The outcome of one TCK rule.
 *
 * <p>Immutable and thread-safe.
 */
public enum TckStatus {
  /** The rule held. */
  PASSED,
  /** The rule was broken; the message says how. */
  FAILED,
  /** The rule was not checked; the message says why. */
  SKIPPED
}
