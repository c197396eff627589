package io.micronats.simulator.workload;

import io.micronats.simulator.measure.PhaseMeasurement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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

  /** A builder; name, workload and measurement have no default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this {@code PhaseRecord}'s values. */
  public Builder toBuilder() {
    return new Builder().name(name).workload(workload).closed(closed).targetRate(targetRate)
        .concurrency(concurrency).measurement(measurement).counts(counts).rates(rates).labels(labels);
  }

  /** Builds a {@link PhaseRecord}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable String workload;
    private boolean closed = false;
    private double targetRate = 0;
    private int concurrency = 0;
    private @Nullable PhaseMeasurement measurement;
    private Map<String, Long> counts = Map.of();
    private Map<String, Double> rates = Map.of();
    private Map<String, String> labels = Map.of();

    private Builder() { }

    /** See {@link PhaseRecord#name()}. */
    public Builder name(String v) {
      name = v;
      return this;
    }

    /** See {@link PhaseRecord#workload()}. */
    public Builder workload(String v) {
      workload = v;
      return this;
    }

    /** See {@link PhaseRecord#closed()}. */
    public Builder closed(boolean v) {
      closed = v;
      return this;
    }

    /** See {@link PhaseRecord#targetRate()}. */
    public Builder targetRate(double v) {
      targetRate = v;
      return this;
    }

    /** See {@link PhaseRecord#concurrency()}. */
    public Builder concurrency(int v) {
      concurrency = v;
      return this;
    }

    /** See {@link PhaseRecord#measurement()}. */
    public Builder measurement(PhaseMeasurement v) {
      measurement = v;
      return this;
    }

    /** See {@link PhaseRecord#counts()}. */
    public Builder counts(Map<String, Long> v) {
      counts = v;
      return this;
    }

    /** See {@link PhaseRecord#rates()}. */
    public Builder rates(Map<String, Double> v) {
      rates = v;
      return this;
    }

    /** See {@link PhaseRecord#labels()}. */
    public Builder labels(Map<String, String> v) {
      labels = v;
      return this;
    }

    /** The {@code PhaseRecord}; a field without a default that was not set is a NullPointerException. */
    public PhaseRecord build() {
      return new PhaseRecord(Objects.requireNonNull(name, "name"), Objects.requireNonNull(workload, "workload"),
          closed, targetRate, concurrency, Objects.requireNonNull(measurement, "measurement"), counts, rates,
          labels);
    }
  }
}
