package io.micronats.simulator.baseline;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;

/**
 * What this JVM spends over a measured window: process CPU time (every thread, GC and JIT
 * included) and bytes allocated (summed over the live threads). The client and the service of a
 * bench comparison both live in this JVM, so the figures cover both sides; the nats-server
 * processes are not included. A daemon thread samples at the window's start and end, so the
 * figures cover exactly the window whatever the load does before and after it.
 *
 * <p>Thread-safe: {@link #result()} waits for the sampler.
 */
final class CostMeter {
  /**
   * What the window cost.
   *
   * @param cpuNanos process CPU time spent in the window, -1 when the JVM does not report it
   * @param allocatedBytes bytes allocated by threads alive at both samples, -1 when unsupported
   */
  record Cost(long cpuNanos, long allocatedBytes) {
    static final Cost UNKNOWN = new Cost(-1, -1);
  }

  private record Sample(long cpu, long allocated) {}

  private final Thread sampler;
  private volatile Cost cost = Cost.UNKNOWN;

  private CostMeter(long windowStart, long windowEnd) {
    sampler = new Thread(() -> {
      parkUntil(windowStart);
      Sample a = sample();
      parkUntil(windowEnd);
      Sample b = sample();
      cost = new Cost(a.cpu < 0 || b.cpu < 0 ? -1 : b.cpu - a.cpu,
          a.allocated < 0 || b.allocated < 0 ? -1 : Math.max(0, b.allocated - a.allocated));
    }, "sim-cost-meter");
    sampler.setDaemon(true);
  }

  /** Starts sampling the window [{@code windowStart}, {@code windowEnd}] ({@code System.nanoTime()}). */
  static CostMeter start(long windowStart, long windowEnd) {
    CostMeter m = new CostMeter(windowStart, windowEnd);
    m.sampler.start();
    return m;
  }

  /** The window's cost; waits (bounded) for the end sample. */
  Cost result() throws InterruptedException {
    sampler.join(10_000);
    return cost;
  }

  private static void parkUntil(long nanos) {
    for (long now = System.nanoTime(); now < nanos; now = System.nanoTime()) {
      LockSupport.parkNanos(nanos - now);
    }
  }

  private static Sample sample() {
    long cpu = -1;
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      cpu = sun.getProcessCpuTime();
    }
    long allocated = -1;
    ThreadMXBean tb = ManagementFactory.getThreadMXBean();
    if (tb instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()
        && sun.isThreadAllocatedMemoryEnabled()) {
      allocated = 0;
      for (long bytes : sun.getThreadAllocatedBytes(tb.getAllThreadIds())) {
        if (bytes > 0) {
          allocated += bytes;
        }
      }
    }
    return new Sample(cpu, allocated);
  }
}
