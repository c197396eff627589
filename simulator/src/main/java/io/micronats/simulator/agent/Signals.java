package io.micronats.simulator.agent;

import java.util.Objects;

/**
 * The small control messages of a distributed run (JSON bodies): the start barrier
 * ({@link Ready}, {@link Go}), liveness ({@link Beat}) and {@link Abort}.
 *
 * <p>Stateless holder of immutable records.
 */
public final class Signals {
  private Signals() {}

  /**
   * An agent reached step {@code step} (its k-th barrier) and waits for the go.
   *
   * @param agent the agent's name
   * @param step the barrier's number, counted by every agent from 0 in the same order
   * @param name what the step starts (a phase name, {@code fleet}, ...)
   * @param workload the step's kind; every agent must announce the same kind for a step
   */
  public record Ready(String agent, long step, String name, String workload) {
    public Ready {
      Objects.requireNonNull(agent, "agent");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(workload, "workload");
    }
  }

  /**
   * Every agent may start step {@code step} at {@code startAtEpochMillis} (wall clock).
   *
   * @param step the barrier's number
   * @param name the step's name as the first agent announced it
   * @param startAtEpochMillis the common start
   */
  public record Go(long step, String name, long startAtEpochMillis) {
    public Go {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * A heartbeat: the sender is alive and at step {@code step}.
   *
   * @param sender an agent's name, or {@code coordinator}
   * @param step the last barrier the sender reached, -1 before the first
   * @param doing what the sender is doing, for error messages
   */
  public record Beat(String sender, long step, String doing) {
    public Beat {
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(doing, "doing");
    }
  }

  /**
   * The coordinator gave up on the run; agents stop.
   *
   * @param reason why
   */
  public record Abort(String reason) {
    public Abort {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
