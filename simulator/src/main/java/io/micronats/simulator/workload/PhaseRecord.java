package io.micronats.simulator.workload;

import io.micronats.simulator.measure.PhaseMeasurement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One measured phase as the workloads report it, before it becomes a results-file phase.
 * Immutable.
 *
 * @param name unique phase name ({@code rpc-open-2000})
 * @param workload workload kind ({@code rpc}, {@code broker}, {@code discovery}, {@code baseline-rpc}, ...)
 * @param closed true for a closed-loop (capacity) phase, false for an open-model phase
 * @param targetRate offered rate of an open phase (per second), 0 for closed
 * @param concurrency in-flight bound (open) or number of loops (closed)
 * @param measurement histograms, counters and time series of the measured window
 * @param counts extra counters (server deltas, sequence accounting, ...)
 * @param rates rates per second and other ratios
 * @param labels free labels (strategy, services, implementation, ...)
 */
public record PhaseRecord(String name, String workload, boolean closed, double targetRate, int concurrency,
    PhaseMeasurement measurement, Map<String, Long> counts, Map<String, Double> rates, Map<String, String> labels) {
  /** Copies the maps, keeping their order. */
  public PhaseRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(measurement, "measurement");
    counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    rates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rates));
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /** All counters: the measurement's, then the extra ones. */
  public Map<String, Long> allCounts() {
    Map<String, Long> all = new LinkedHashMap<>(new java.util.TreeMap<>(measurement.counts()));
    all.putAll(counts);
    return all;
  }
}
