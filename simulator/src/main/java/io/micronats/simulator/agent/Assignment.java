package io.micronats.simulator.agent;

import java.util.Map;
import java.util.Objects;

/**
 * One agent's share of a distributed run: which fake services it hosts, what part of the load it
 * offers, when to start and for how long.
 *
 * <p>Immutable.
 *
 * @param run the run id
 * @param agent the agent's name
 * @param index the agent's number, from 0
 * @param agents how many agents share the run
 * @param servicesFrom the first fake service (index) the agent hosts
 * @param servicesTo one past the last fake service it hosts
 * @param totalServices the fake services of the whole run (calls go to any of them)
 * @param ratePerSecond the agent's share of the request rate
 * @param startAtEpochMillis wall-clock time at which every agent starts its load
 * @param durationMillis how long the load runs
 * @param settings further settings of the work, for example {@code timeoutMillis} or the
 *     scenario's text under {@code scenario}
 */
public record Assignment(String run, String agent, int index, int agents, int servicesFrom,
    int servicesTo, int totalServices, double ratePerSecond, long startAtEpochMillis,
    long durationMillis, Map<String, String> settings) {

  public Assignment {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(agent, "agent");
    settings = Map.copyOf(settings);
    if (index < 0 || index >= agents) {
      throw new IllegalArgumentException("index must be in [0, agents), got " + index + " of " + agents);
    }
    if (servicesFrom < 0 || servicesTo < servicesFrom || servicesTo > totalServices) {
      throw new IllegalArgumentException("services must satisfy 0 <= from <= to <= total, got "
          + servicesFrom + ".." + servicesTo + " of " + totalServices);
    }
    if (ratePerSecond < 0 || durationMillis < 0) {
      throw new IllegalArgumentException("rate and duration must not be negative");
    }
  }

  /** A setting, or {@code fallback}. */
  public String setting(String key, String fallback) {
    return settings.getOrDefault(key, fallback);
  }
}
