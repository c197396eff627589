package io.micronats.simulator.baseline;

/**
 * One side's figures in a comparison. Immutable.
 *
 * @param throughput operations (or delivered messages) per second
 * @param p50Micros median latency in microseconds (0 when not measured)
 * @param p99Micros 99th percentile latency in microseconds (0 when not measured)
 * @param cpuMicrosPerOp process CPU time of this JVM (client and service sides, not the servers) per
 *     completed operation in the measured window, in microseconds; 0 when not measured
 * @param allocBytesPerOp bytes allocated in this JVM per completed operation in the measured window;
 *     0 when not measured
 */
public record Figures(double throughput, double p50Micros, double p99Micros, double cpuMicrosPerOp,
    double allocBytesPerOp) {
  /** Figures without cost per operation. */
  public Figures(double throughput, double p50Micros, double p99Micros) {
    this(throughput, p50Micros, p99Micros, 0, 0);
  }
}
