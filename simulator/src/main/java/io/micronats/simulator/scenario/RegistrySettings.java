package io.micronats.simulator.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * Registry settings for the run. Immutable.
 *
 * @param strategy the lookup strategy of the clients' registry (fleets register with every strategy alike)
 * @param window the broadcast query window (go-micro's default is 100 ms)
 * @param ttl registration time-to-live of the fake services (they re-register every ttl/3)
 */
public record RegistrySettings(LookupStrategy strategy, Duration window, Duration ttl) {
  /** Checks nulls. */
  public RegistrySettings {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(ttl, "ttl");
  }
}
