package io.micronats.simulator.agent;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one agent's share of the broker workload sent and received, by global publisher id and
 * sequence number, so that the coordinator can account for every message across agents
 * ({@link BrokerAccounting}): a message published by one agent and received by another's
 * subscriber counts where it arrived.
 *
 * <p>Immutable.
 *
 * @param lastSequence the last sequence number each of this agent's publishers sent, by global id
 *     (-1 when it sent nothing)
 * @param plain receptions of this agent's plain subscribers, per (subscriber, publisher)
 * @param group receptions of this agent's queue-group members together, per publisher
 * @param malformed messages too short to carry the header
 */
public record BrokerTally(Map<Integer, Long> lastSequence, List<Plain> plain, List<Group> group, long malformed) {

  public BrokerTally {
    lastSequence = Map.copyOf(lastSequence);
    plain = List.copyOf(plain);
    group = List.copyOf(group);
  }

  /**
   * One plain subscriber's receptions from one publisher.
   *
   * @param subscriber the subscriber's global number
   * @param publisher the publisher's global id
   * @param received messages received, copies included
   * @param duplicated extra copies
   * @param reordered messages that arrived after a higher sequence number
   */
  public record Plain(int subscriber, int publisher, long received, long duplicated, long reordered) {}

  /**
   * The receptions of this agent's queue-group members from one publisher.
   *
   * @param publisher the publisher's global id
   * @param seen the sequence numbers received, a {@link java.util.BitSet} as Base64 of its bytes
   * @param received messages received by these members, copies included
   * @param duplicated extra copies among these members
   * @param reordered messages a member received after a higher number
   */
  public record Group(int publisher, String seen, long received, long duplicated, long reordered) {
    public Group {
      Objects.requireNonNull(seen, "seen");
    }
  }
}
