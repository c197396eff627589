package io.micronats.simulator.measure;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * What one measured window produced: total histograms (nanoseconds), counters and a time series.
 * The histograms are private copies; treat the object as immutable.
 *
 * @param primary name of the main latency histogram
 * @param windowNanos length of the measured window
 * @param histograms totals by name
 * @param counts counters by name (outcomes always present, clamped values as {@code clamped.NAME})
 * @param series one point per sampling interval
 */
public record PhaseMeasurement(String primary, long windowNanos, Map<String, Histogram> histograms,
    Map<String, Long> counts, List<TimePoint> series) {
  /** Copies the maps and list. */
  public PhaseMeasurement {
    histograms = Map.copyOf(histograms);
    counts = Map.copyOf(counts);
    series = List.copyOf(series);
  }

  /** A counter, 0 when absent. */
  public long count(String name) {
    return counts.getOrDefault(name, 0L);
  }

  /** The main histogram. */
  public Histogram latency() {
    return Objects.requireNonNull(histograms.get(primary), primary);
  }

  /** Successful operations per second over the window. */
  public double throughput() {
    return count(Outcome.SUCCESS.counter()) * 1e9 / windowNanos;
  }
}
