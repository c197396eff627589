package io.micronats.reports.analysis;

import io.micronats.reports.model.LatencyHistogram;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.Repetition;
import java.util.Map;

/**
 * The measurements shared by a phase and each of its repetitions, so a metric can be read from
 * either the same way.
 *
 * <p>Immutable and thread-safe.
 */
public record Measured(Map<String, Long> counts, Map<String, Double> rates, Map<String, LatencyHistogram> latency) {
  /** The aggregate measurements of a phase. */
  public static Measured of(Phase phase) {
    return new Measured(phase.counts(), phase.rates(), phase.latency());
  }

  /** The measurements of one repetition. */
  public static Measured of(Repetition repetition) {
    return new Measured(repetition.counts(), repetition.rates(), repetition.latency());
  }
}
