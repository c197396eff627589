package io.micronats.simulator.run;

import io.micronats.reports.model.MetricNames;
import io.micronats.simulator.measure.CpuMeter;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * What holding the fleet costs the simulator: CPU while idle, heap and threads. Stateless.
 */
final class FleetStats {
  private FleetStats() {}

  /** Measures for {@code seconds} with no load running and returns labels. */
  static Map<String, String> idleCost(double seconds) {
    System.gc();
    CpuMeter.Snapshot before = CpuMeter.snapshot();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      LockSupport.parkNanos(end - System.nanoTime());
    }
    CpuMeter.Snapshot after = CpuMeter.snapshot();
    Runtime rt = Runtime.getRuntime();
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MetricNames.SIMULATOR_IDLE_CPU_CORES, String.format(Locale.ROOT, "%.3f", after.coresSince(before)));
    labels.put(MetricNames.SIMULATOR_HEAP_USED_MIB, Long.toString((rt.totalMemory() - rt.freeMemory()) / (1024 * 1024)));
    labels.put(MetricNames.SIMULATOR_THREADS, Integer.toString(ManagementFactory.getThreadMXBean().getThreadCount()));
    return labels;
  }
}
