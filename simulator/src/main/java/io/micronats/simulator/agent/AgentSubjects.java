package io.micronats.simulator.agent;

import java.util.Objects;

/**
 * The NATS subjects of one distributed run, all under {@code micronats.sim.<run>}.
 *
 * <p>Immutable.
 *
 * @param run the run id: letters, digits, '-' and '_'
 */
public record AgentSubjects(String run) {

  public AgentSubjects {
    Objects.requireNonNull(run, "run");
    if (!run.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("run id must be 1-64 letters, digits, '-' or '_', got '" + run + "'");
    }
  }

  /** Where agents ask to join (request/reply). */
  public String join() {
    return prefix() + ".join";
  }

  /** Where the coordinator sends agent {@code agent} its assignment (request/reply). */
  public String assign(String agent) {
    return prefix() + ".agent." + agent + ".assign";
  }

  /** Where agents say they reached a step ({@link Signals.Ready}). */
  public String ready() {
    return prefix() + ".ready";
  }

  /** Where the coordinator starts a step on every agent ({@link Signals.Go}). */
  public String go() {
    return prefix() + ".go";
  }

  /** Where agents publish their heartbeats ({@link Signals.Beat}). */
  public String heartbeat() {
    return prefix() + ".heartbeat";
  }

  /** Where the coordinator publishes its heartbeat. */
  public String coordinator() {
    return prefix() + ".coordinator";
  }

  /** Where the coordinator tells every agent to stop ({@link Signals.Abort}). */
  public String abort() {
    return prefix() + ".abort";
  }

  /** Where agents publish their final reports. */
  public String report() {
    return prefix() + ".report";
  }

  /** Where agents tell each other which publishers' probes their queue-group members saw. */
  public String groupProbed() {
    return prefix() + ".broker.group-probed";
  }

  private String prefix() {
    return "micronats.sim." + run;
  }
}
