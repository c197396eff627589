package io.micronats.reports.model;

/**
 * The TCK's overall verdict on a plugin: compatible iff no REQUIRED rule failed and no rule of a
 * declared capability failed.
 *
 * <p>Immutable and thread-safe.
 */
public enum TckVerdict {
  /** No required rule and no rule of a declared capability failed. */
  COMPATIBLE,
  /** At least one required rule, or one rule of a declared capability, failed. */
  NOT_COMPATIBLE
}
