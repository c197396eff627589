package io.micronats.simulator.scenario;

import java.util.Objects;

/**
 * The broker workload: publishers at fixed rates with sequence numbers, plain subscribers and a
 * queue group, all on one topic. Immutable.
 *
 * @param enabled whether the workload runs
 * @param publishers number of publishers
 * @param ratePerPublisher messages per second each publisher sends
 * @param subscribers plain subscribers (each receives every message)
 * @param queueGroupMembers members of one queue group (the group receives each message once); 0 for none
 * @param payloadBytes message size
 * @param phases warm-up, measured and cool-down durations
 */
public record BrokerSpec(boolean enabled, int publishers, double ratePerPublisher, int subscribers,
    int queueGroupMembers, int payloadBytes, Phases phases) {
  /** Checks nulls. */
  public BrokerSpec {
    Objects.requireNonNull(phases, "phases");
  }
}
