package io.micronats.simulator.agent;

import java.util.Map;
import java.util.Objects;

/**
 * What one agent measured in its share of a run: counters, and latency histograms in
 * HdrHistogram's compressed Base64 form ({@link HistogramCodec}), which merge exactly.
 *
 * <p>Immutable.
 *
 * @param run the run id
 * @param agent the agent's name
 * @param index the agent's number
 * @param counts counters by name (for example {@code successes}, {@code timeouts}, {@code served})
 * @param histograms encoded histograms by name, values in nanoseconds
 * @param startedAtEpochMillis when the agent's load started
 * @param elapsedMillis how long it ran
 * @param error empty, or why the agent could not run its share
 */
public record AgentReport(String run, String agent, int index, Map<String, Long> counts,
    Map<String, String> histograms, long startedAtEpochMillis, long elapsedMillis, String error) {

  public AgentReport {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(agent, "agent");
    counts = Map.copyOf(counts);
    histograms = Map.copyOf(histograms);
    Objects.requireNonNull(error, "error");
  }

  /** A counter, zero when absent. */
  public long count(String name) {
    return counts.getOrDefault(name, 0L);
  }
}
