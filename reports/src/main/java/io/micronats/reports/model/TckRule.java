package io.micronats.reports.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One rule of a TCK report and its outcome.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the rule's identifier, for example {@code "TRN-001"}
 * @param area {@code transport}, {@code broker}, {@code registry} or {@code rpc}
 * @param level how binding the rule is
 * @param capability the capability the rule belongs to, if any
 * @param statement the rule in one sentence
 * @param status the outcome
 * @param message the failure message or skip reason, if any
 * @param durationMillis how long checking the rule took
 */
public record TckRule(
    String id, String area, TckLevel level, Optional<String> capability, String statement,
    TckStatus status, Optional<String> message, long durationMillis) {
  /** Validates the required fields. */
  public TckRule {
    Copies.text(id, "rule.id");
    Copies.text(area, "rule " + id + ": area");
    Objects.requireNonNull(level, "rule " + id + ": level");
    capability = capability == null ? Optional.empty() : capability;
    Objects.requireNonNull(statement, "rule " + id + ": statement");
    Objects.requireNonNull(status, "rule " + id + ": status");
    message = message == null ? Optional.empty() : message;
    Copies.nonNegative(durationMillis, "rule " + id + ": durationMillis");
  }
}
