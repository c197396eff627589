package io.micronats.simulator.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;

/**
 * Measures this JVM's own CPU use between two points: process CPU time (all threads, GC and JIT
 * included) and, for comparison, the sum over live threads from {@link ThreadMXBean}.
 *
 * <p>Thread-safe; snapshots are immutable.
 */
public final class CpuMeter {
  private CpuMeter() {}

  /**
   * CPU times at one instant, in nanoseconds.
   *
   * @param wallNanos {@code System.nanoTime()}
   * @param processCpuNanos process CPU time, -1 when the JVM does not report it
   * @param threadsCpuNanos sum of live threads' CPU time, -1 when unsupported
   */
  public record Snapshot(long wallNanos, long processCpuNanos, long threadsCpuNanos) {
    /** Cores used on average between {@code earlier} and this snapshot (1.0 = one core busy). */
    public double coresSince(Snapshot earlier) {
      long wall = wallNanos - earlier.wallNanos;
      if (wall <= 0 || processCpuNanos < 0 || earlier.processCpuNanos < 0) {
        return -1;
      }
      return (double) (processCpuNanos - earlier.processCpuNanos) / wall;
    }
  }

  /** Takes a snapshot now. */
  public static Snapshot snapshot() {
    long process = -1;
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      process = sun.getProcessCpuTime();
    }
    long threads = -1;
    ThreadMXBean tb = ManagementFactory.getThreadMXBean();
    if (tb.isThreadCpuTimeSupported() && tb.isThreadCpuTimeEnabled()) {
      threads = 0;
      for (long id : tb.getAllThreadIds()) {
        long t = tb.getThreadCpuTime(id);
        if (t > 0) {
          threads += t;
        }
      }
    }
    return new Snapshot(System.nanoTime(), process, threads);
  }

  /** Number of processors the JVM sees. */
  public static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }
}
