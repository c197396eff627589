package io.micronats.simulator.agent;

import io.micronats.simulator.measure.PhaseMeasurement;
import io.micronats.simulator.measure.TimePoint;
import io.micronats.simulator.workload.PhaseRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * One agent's {@link PhaseRecord} in a form that travels as JSON: histograms encoded with
 * {@link HistogramCodec} (they merge exactly on the coordinator), non-finite rates left out.
 *
 * <p>Immutable.
 *
 * @param name the phase's name on the agent
 * @param workload the workload kind
 * @param closed closed loop or open model
 * @param targetRate the agent's offered rate
 * @param concurrency the agent's in-flight bound or loops
 * @param primary the main histogram's name
 * @param windowNanos the measured window's length
 * @param histograms encoded histograms by name, nanoseconds
 * @param measurementCounts the measurement's counters (outcomes, ...)
 * @param series one point per second of the window
 * @param counts further counters (generator, ...)
 * @param rates rates and ratios
 * @param labels labels
 */
public record PhaseReport(String name, String workload, boolean closed, double targetRate, int concurrency,
    String primary, long windowNanos, Map<String, String> histograms, Map<String, Long> measurementCounts,
    List<TimePoint> series, Map<String, Long> counts, Map<String, Double> rates, Map<String, String> labels) {

  public PhaseReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(workload, "workload");
    Objects.requireNonNull(primary, "primary");
    histograms = Map.copyOf(histograms);
    measurementCounts = Map.copyOf(measurementCounts);
    series = List.copyOf(series);
    counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    rates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rates));
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /** The wire form of {@code r}. */
  public static PhaseReport of(PhaseRecord r) {
    PhaseMeasurement m = r.measurement();
    Map<String, String> encoded = new LinkedHashMap<>();
    m.histograms().forEach((k, h) -> encoded.put(k, HistogramCodec.encode(h)));
    Map<String, Double> rates = new LinkedHashMap<>();
    r.rates().forEach((k, v) -> {
      if (Double.isFinite(v)) {
        rates.put(k, v);
      }
    });
    List<TimePoint> series = m.series().stream().map(p -> new TimePoint(p.tMillis(), finite(p.rate()),
        finite(p.p99Micros()), p.errors())).toList();
    return builder().name(r.name()).workload(r.workload()).closed(r.closed()).targetRate(r.targetRate())
        .concurrency(r.concurrency()).primary(m.primary()).windowNanos(m.windowNanos()).histograms(encoded)
        .measurementCounts(m.counts()).series(series).counts(r.counts()).rates(rates).labels(r.labels()).build();
  }

  /** The histograms, decoded. */
  public Map<String, Histogram> decodedHistograms() {
    Map<String, Histogram> out = new LinkedHashMap<>();
    histograms.forEach((k, v) -> out.put(k, HistogramCodec.decode(v)));
    return out;
  }

  /** A counter of the measurement, or of the further counters; zero when absent. */
  public long count(String counter) {
    return measurementCounts.getOrDefault(counter, counts.getOrDefault(counter, 0L));
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : 0;
  }

  /** A builder; name, workload and primary have no default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PhaseReport}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable String workload;
    private boolean closed = false;
    private double targetRate = 0;
    private int concurrency = 0;
    private @Nullable String primary;
    private long windowNanos = 0;
    private Map<String, String> histograms = Map.of();
    private Map<String, Long> measurementCounts = Map.of();
    private List<TimePoint> series = List.of();
    private Map<String, Long> counts = Map.of();
    private Map<String, Double> rates = Map.of();
    private Map<String, String> labels = Map.of();

    private Builder() { }

    /** See {@link PhaseReport#name()}. */
    public Builder name(String v) {
      name = v;
      return this;
    }

    /** See {@link PhaseReport#workload()}. */
    public Builder workload(String v) {
      workload = v;
      return this;
    }

    /** See {@link PhaseReport#closed()}. */
    public Builder closed(boolean v) {
      closed = v;
      return this;
    }

    /** See {@link PhaseReport#targetRate()}. */
    public Builder targetRate(double v) {
      targetRate = v;
      return this;
    }

    /** See {@link PhaseReport#concurrency()}. */
    public Builder concurrency(int v) {
      concurrency = v;
      return this;
    }

    /** See {@link PhaseReport#primary()}. */
    public Builder primary(String v) {
      primary = v;
      return this;
    }

    /** See {@link PhaseReport#windowNanos()}. */
    public Builder windowNanos(long v) {
      windowNanos = v;
      return this;
    }

    /** See {@link PhaseReport#histograms()}. */
    public Builder histograms(Map<String, String> v) {
      histograms = v;
      return this;
    }

    /** See {@link PhaseReport#measurementCounts()}. */
    public Builder measurementCounts(Map<String, Long> v) {
      measurementCounts = v;
      return this;
    }

    /** See {@link PhaseReport#series()}. */
    public Builder series(List<TimePoint> v) {
      series = v;
      return this;
    }

    /** See {@link PhaseReport#counts()}. */
    public Builder counts(Map<String, Long> v) {
      counts = v;
      return this;
    }

    /** See {@link PhaseReport#rates()}. */
    public Builder rates(Map<String, Double> v) {
      rates = v;
      return this;
    }

    /** See {@link PhaseReport#labels()}. */
    public Builder labels(Map<String, String> v) {
      labels = v;
      return this;
    }

    /** The {@code PhaseReport}; a field without a default that was not set is a NullPointerException. */
    public PhaseReport build() {
      return new PhaseReport(Objects.requireNonNull(name, "name"), Objects.requireNonNull(workload, "workload"),
          closed, targetRate, concurrency, Objects.requireNonNull(primary, "primary"), windowNanos, histograms,
          measurementCounts, series, counts, rates, labels);
    }
  }
}
