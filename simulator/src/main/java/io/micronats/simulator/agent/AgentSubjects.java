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

  /** Where agents publish their reports. */
  public String report() {
    return prefix() + ".report";
  }

  /** The subject prefix of the fake services of the run's built-in work. */
  public String service(int index) {
    return prefix() + ".svc." + index;
  }

  private String prefix() {
    return "micronats.sim." + run;
  }
}
