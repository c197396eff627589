package io.micronats.simulator.measure;

/**
 * One point of a phase's time series, one per sampling interval. Immutable.
 *
 * @param tMillis end of the interval, milliseconds since the measured phase started
 * @param rate completed operations per second in the interval
 * @param p99Micros p99 latency of the interval in microseconds (0 when nothing completed)
 * @param errors errors in the interval
 */
public record TimePoint(long tMillis, double rate, double p99Micros, long errors) {}
