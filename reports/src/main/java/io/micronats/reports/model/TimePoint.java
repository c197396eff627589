package io.micronats.reports.model;

/**
 * One interval of a phase's time series: what happened in the interval that ended
 * {@code tMillis} milliseconds after the phase started.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tMillis end of the interval, in milliseconds since the start of the phase
 * @param rate completed operations per second in the interval
 * @param p99Micros 99th percentile latency of the interval, in microseconds
 * @param errors errors of any kind in the interval (timeouts, no responders, remote errors, lost)
 */
public record TimePoint(long tMillis, double rate, double p99Micros, long errors) {
  /** Validates: every value is finite and not negative. */
  public TimePoint {
    Copies.nonNegative(tMillis, "tMillis");
    Copies.nonNegative(rate, "rate");
    Copies.nonNegative(p99Micros, "p99Micros");
    Copies.nonNegative(errors, "errors");
  }
}
