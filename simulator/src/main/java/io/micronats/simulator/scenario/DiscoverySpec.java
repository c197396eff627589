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

  /** A builder with the scenario parser's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this spec's values. */
  public Builder toBuilder() {
    return new Builder().enabled(enabled).rate(rate).strategies(strategies).sweep(sweep).churnProbes(churnProbes)
        .phases(phases);
  }

  /** Builds a {@link DiscoverySpec}. Not thread-safe. */
  public static final class Builder {
    private boolean enabled = true;
    private double rate = 50;
    private List<LookupStrategy> strategies = List.of(LookupStrategy.values());
    private List<Integer> sweep = List.of();
    private int churnProbes = 20;
    private Phases phases = Phases.DEFAULTS;

    private Builder() { }

    /** See {@link DiscoverySpec#enabled()}. */
    public Builder enabled(boolean v) {
      enabled = v;
      return this;
    }

    /** See {@link DiscoverySpec#rate()}. */
    public Builder rate(double v) {
      rate = v;
      return this;
    }

    /** See {@link DiscoverySpec#strategies()}. */
    public Builder strategies(List<LookupStrategy> v) {
      strategies = v;
      return this;
    }

    /** See {@link DiscoverySpec#sweep()}. */
    public Builder sweep(List<Integer> v) {
      sweep = v;
      return this;
    }

    /** See {@link DiscoverySpec#churnProbes()}. */
    public Builder churnProbes(int v) {
      churnProbes = v;
      return this;
    }

    /** See {@link DiscoverySpec#phases()}. */
    public Builder phases(Phases v) {
      phases = v;
      return this;
    }

    /** The spec. */
    public DiscoverySpec build() {
      return new DiscoverySpec(enabled, rate, strategies, sweep, churnProbes, phases);
    }
  }
}
