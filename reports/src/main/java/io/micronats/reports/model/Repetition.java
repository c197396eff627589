package io.micronats.reports.model;

import java.util.Map;

/**
 * The outcome of one repetition of a phase, kept so a report can show the run-to-run spread next
 * to the phase's aggregate.
 *
 * <p>Immutable and thread-safe. The maps have the same keys and units as those of {@link Phase}.
 *
 * @param index 0-based repetition number
 * @param counts event counts of this repetition
 * @param rates rates of this repetition (per second)
 * @param latency latency distributions of this repetition (usually without the encoded histogram)
 */
public record Repetition(
    int index, Map<String, Long> counts, Map<String, Double> rates, Map<String, LatencyHistogram> latency) {
  /** Validates the index and copies the maps. */
  public Repetition {
    if (index < 0) {
      throw new IllegalArgumentException("repetition.index must be >= 0, was " + index);
    }
    counts = Copies.map(counts, "repetition.counts");
    rates = Copies.map(rates, "repetition.rates");
    latency = Copies.map(latency, "repetition.latency");
  }
}
