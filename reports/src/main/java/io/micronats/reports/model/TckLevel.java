package io.micronats.reports.model;

/**
 * How binding a TCK rule is.
 *
 * <p>Immutable and thread-safe.
 */
public enum TckLevel {
  /** Every implementation must pass it. */
  REQUIRED,
  /** Applies to a declared capability. */
  OPTIONAL,
  /** Should pass; a failure does not make the plugin incompatible. */
  RECOMMENDED
}
