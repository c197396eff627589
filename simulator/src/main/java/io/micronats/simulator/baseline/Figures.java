package io.micronats.simulator.baseline;

/**
 * One side's figures in a comparison. Immutable.
 *
 * @param throughput operations (or delivered messages) per second
 * @param p50Micros median latency in microseconds (0 when not measured)
 * @param p99Micros 99th percentile latency in microseconds (0 when not measured)
 */
public record Figures(double throughput, double p50Micros, double p99Micros) {}
