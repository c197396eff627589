package io.micronats.simulator.agent;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link Coordinator} splits among its agents: the fake services and the request rate of the
 * whole run, how long the load runs, how long after the assignment it starts, and settings passed
 * to every agent's {@link AgentWork}.
 *
 * <p>Immutable.
 *
 * @param totalServices the fake services of the run, split into contiguous shares
 * @param totalRatePerSecond the request rate of the run, split equally
 * @param duration how long the load runs
 * @param startDelay time between the assignments and the common start, long enough for every
 *     agent to host its services
 * @param settings settings of the work
 */
public record RunPlan(int totalServices, double totalRatePerSecond, Duration duration,
    Duration startDelay, Map<String, String> settings) {
  public RunPlan {
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(startDelay, "startDelay");
    settings = Map.copyOf(settings);
    if (totalServices < 0 || totalRatePerSecond < 0 || duration.isNegative() || startDelay.isNegative()) {
      throw new IllegalArgumentException("services, rate, duration and start delay must not be negative");
    }
  }
}
