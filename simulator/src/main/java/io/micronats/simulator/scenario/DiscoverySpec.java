package io.micronats.simulator.scenario;

import java.util.List;
import java.util.Objects;

/**
 * The discovery workload: lookups of random services at a fixed rate, once per strategy, plus
 * register-to-visible and deregister-to-gone probes and an optional sweep of the fleet size.
 * Immutable.
 *
 * @param enabled whether the workload runs
 * @param rate lookups per second (open model)
 * @param strategies strategies measured one after the other
 * @param sweep fleet sizes (services) measured in turn; empty measures the fleet as configured
 * @param churnProbes how many register-to-visible / deregister-to-gone probes to time
 * @param phases warm-up, measured and cool-down durations of each measurement
 */
public record DiscoverySpec(boolean enabled, double rate, List<LookupStrategy> strategies, List<Integer> sweep,
    int churnProbes, Phases phases) {
  /** Copies the lists. */
  public DiscoverySpec {
    strategies = List.copyOf(strategies);
    sweep = List.copyOf(sweep);
    Objects.requireNonNull(phases, "phases");
  }
}
