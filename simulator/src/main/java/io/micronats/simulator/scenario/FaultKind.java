package io.micronats.simulator.scenario;

import java.util.Locale;

/**
 * What a fault does. The scenario name of each kind is its lower-case name with dashes
 * ({@code kill}, {@code rolling-restart}, {@code link-silence}...).
 *
 * <p>Immutable. Each kind has one record in {@link FaultSpec}; the switches over kinds here have no
 * {@code default}, so the compiler asks a new kind for its answers.
 */
public enum FaultKind {
  /** SIGKILL the target nodes; after the duration (if any), restart them on the same ports. */
  KILL,
  /** SIGSTOP the target nodes for the duration, then SIGCONT: a hung server, no RST. */
  PAUSE,
  /** Graceful stop (SIGTERM); after the duration (if any), restart. */
  STOP,
  /** Graceful stop and immediate restart of each target node, waiting for its routes. */
  RESTART,
  /**
   * Restart the target nodes one after another; before the next node, wait until every route has
   * formed again, then the duration as a pause.
   */
  ROLLING_RESTART,
  /**
   * Lame duck mode (SIGUSR2): the graceful baseline; after the duration, wait for the node to exit
   * (it does once its clients are evicted; killed if still running after 60 s) and restart it.
   */
  LAME_DUCK,
  /** Crash fake-service instances: they stop answering but never deregister. */
  KILL_INSTANCES,
  /** Start and stop fake-service instances fast, at the spec's rate, for the duration. */
  REGISTRY_CHURN,
  /** Add latency and jitter to the target nodes' links for the duration. */
  LINK_LATENCY,
  /** Make the target nodes' links go silent without closing, for the duration. */
  LINK_SILENCE,
  /** Reset the target nodes' links and refuse reconnects, for the duration. */
  LINK_CUT,
  /** Cut or silence the routes between the target nodes and the others, for the duration. */
  PARTITION;

  /** The scenario name, for example {@code rolling-restart}. */
  public String scenarioName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The kind with this scenario name (case-insensitive, dashes or underscores).
   *
   * @throws IllegalArgumentException naming the accepted names
   */
  public static FaultKind fromScenarioName(String name) {
    String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (FaultKind k : values()) {
      if (k.name().equals(n)) {
        return k;
      }
    }
    StringBuilder names = new StringBuilder();
    for (FaultKind k : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(k.scenarioName());
    }
    throw new IllegalArgumentException("unknown fault kind '" + name + "'; expected one of " + names);
  }

  /** Whether the kind acts on nats-server processes (needs a local cluster). */
  public boolean needsLocalNodes() {
    return switch (this) {
      case KILL, PAUSE, STOP, RESTART, ROLLING_RESTART, LAME_DUCK -> true;
      case KILL_INSTANCES, REGISTRY_CHURN, LINK_LATENCY, LINK_SILENCE, LINK_CUT, PARTITION -> false;
    };
  }

  /** Whether the kind acts on links (needs a local cluster with link proxies). */
  public boolean needsLinkProxies() {
    return switch (this) {
      case LINK_LATENCY, LINK_SILENCE, LINK_CUT, PARTITION -> true;
      case KILL, PAUSE, STOP, RESTART, ROLLING_RESTART, LAME_DUCK, KILL_INSTANCES, REGISTRY_CHURN -> false;
    };
  }

  /** Whether the kind acts on fake-service instances (needs a fleet). */
  public boolean needsInstances() {
    return switch (this) {
      case KILL_INSTANCES, REGISTRY_CHURN -> true;
      case KILL, PAUSE, STOP, RESTART, ROLLING_RESTART, LAME_DUCK, LINK_LATENCY, LINK_SILENCE, LINK_CUT,
          PARTITION -> false;
    };
  }

  /** Whether a duration is required (the fault is reverted after it). */
  public boolean needsDuration() {
    return switch (this) {
      case PAUSE, REGISTRY_CHURN, LINK_LATENCY, LINK_SILENCE, LINK_CUT, PARTITION -> true;
      case KILL, STOP, RESTART, ROLLING_RESTART, LAME_DUCK, KILL_INSTANCES -> false;
    };
  }
}
