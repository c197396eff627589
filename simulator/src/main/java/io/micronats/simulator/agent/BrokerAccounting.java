package io.micronats.simulator.agent;

import io.micronats.simulator.workload.BrokerCounts;
import java.util.Base64;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The coordinator's broker accounting over every agent's {@link BrokerTally}: each plain
 * subscriber must receive every message of every publisher (sequences 0..last), the queue group
 * (whose members may sit in different agents) each message exactly once. Counts have the names of
 * a single-machine run ({@code sub<i>.lost}, {@code group.duplicated}, {@code lost}, ...) plus
 * {@code published} and {@code crossAgentReceived} (receptions of a message published by another
 * agent than the receiver's).
 *
 * <p>Stateless and thread-safe.
 */
public final class BrokerAccounting {
  private BrokerAccounting() {}

  /**
   * Accounts the tallies.
   *
   * @param tallies by agent index
   * @throws IllegalArgumentException when two agents claim the same publisher
   */
  public static Map<String, Long> account(Map<Integer, BrokerTally> tallies) {
    Map<Integer, Long> last = new TreeMap<>();
    Map<Integer, Integer> ownerOfPublisher = new TreeMap<>();
    for (Map.Entry<Integer, BrokerTally> e : tallies.entrySet()) {
      for (Map.Entry<Integer, Long> p : e.getValue().lastSequence().entrySet()) {
        if (last.put(p.getKey(), p.getValue()) != null) {
          throw new IllegalArgumentException("publisher " + p.getKey() + " reported by two agents");
        }
        ownerOfPublisher.put(p.getKey(), e.getKey());
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    long published = 0;
    for (long l : last.values()) {
      published += l + 1;
    }
    counts.put("published", published);
    long received = 0;
    long cross = 0;
    long malformed = 0;
    Map<Integer, long[]> perSubscriber = new TreeMap<>();
    Map<Integer, BitSet> groupSeen = new TreeMap<>();
    long[] group = new long[3];
    boolean anyGroup = false;
    for (Map.Entry<Integer, BrokerTally> e : tallies.entrySet()) {
      int agent = e.getKey();
      BrokerTally t = e.getValue();
      malformed += t.malformed();
      for (BrokerTally.Plain p : t.plain()) {
        long[] s = perSubscriber.computeIfAbsent(p.subscriber(), k -> new long[3]);
        long expected = last.getOrDefault(p.publisher(), -1L) + 1;
        s[0] += Math.max(0, expected - (p.received() - p.duplicated()));
        s[1] += p.duplicated();
        s[2] += p.reordered();
        received += p.received();
        if (ownerOfPublisher.getOrDefault(p.publisher(), agent) != agent) {
          cross += p.received();
        }
      }
      for (BrokerTally.Group g : t.group()) {
        anyGroup = true;
        BitSet seen = BitSet.valueOf(Base64.getDecoder().decode(g.seen()));
        BitSet union = groupSeen.computeIfAbsent(g.publisher(), k -> new BitSet());
        BitSet overlap = (BitSet) union.clone();
        overlap.and(seen);
        group[1] += g.duplicated() + overlap.cardinality();
        group[2] += g.reordered();
        union.or(seen);
        received += g.received();
        if (ownerOfPublisher.getOrDefault(g.publisher(), agent) != agent) {
          cross += g.received();
        }
      }
    }
    BrokerCounts named = new BrokerCounts(counts);
    for (Map.Entry<Integer, long[]> s : perSubscriber.entrySet()) {
      named.receiver("sub" + s.getKey(), s.getValue()[0], s.getValue()[1], s.getValue()[2]);
    }
    if (anyGroup) {
      for (Map.Entry<Integer, Long> p : last.entrySet()) {
        BitSet union = groupSeen.getOrDefault(p.getKey(), new BitSet());
        long expected = p.getValue() + 1;
        group[0] += expected - union.get(0, (int) Math.min(Integer.MAX_VALUE, expected)).cardinality();
      }
      named.receiver("group", group[0], group[1], group[2]);
    }
    named.totals();
    counts.put("received", received);
    counts.put("crossAgentReceived", cross);
    counts.put("malformed", malformed);
    return counts;
  }
}
