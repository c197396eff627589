package io.micronats.simulator.agent;

import java.util.Objects;

/**
 * An agent's request to join a run.
 *
 * <p>Immutable.
 *
 * @param agent the agent's name: letters, digits, '-' and '_'
 * @param host the agent's host name, for the result's environment
 * @param cores the agent's processor count
 */
public record JoinRequest(String agent, String host, int cores) {
  public JoinRequest {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(host, "host");
    if (!agent.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("agent name must be 1-64 letters, digits, '-' or '_', got '"
          + agent + "'");
    }
  }
}
