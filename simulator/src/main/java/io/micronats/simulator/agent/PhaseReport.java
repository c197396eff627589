package io.micronats.simulator.agent;

import io.micronats.simulator.measure.PhaseMeasurement;
import io.micronats.simulator.measure.TimePoint;
import io.micronats.simulator.workload.PhaseRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

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
    return new PhaseReport(r.name(), r.workload(), r.closed(), r.targetRate(), r.concurrency(), m.primary(),
        m.windowNanos(), encoded, m.counts(), series, r.counts(), rates, r.labels());
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
}
