package io.micronats.simulator.workload;

import java.util.Map;

/**
 * Names a broker phase's loss, duplication and reordering counts: per receiver
 * ({@code sub<i>.lost}, {@code group.duplicated}, ...) and in total ({@code lost},
 * {@code duplicated}, {@code reordered}), so that the single-JVM and the distributed run report
 * under the same names. Not thread-safe (one accounting pass).
 */
public final class BrokerCounts {
  private final Map<String, Long> counts;
  private long lost;
  private long duplicated;
  private long reordered;

  /** Adds to {@code counts}, in order. */
  public BrokerCounts(Map<String, Long> counts) {
    this.counts = counts;
  }

  /** One receiver's counts ({@code receiver} is {@code sub<i>} or {@code group}), also added to the totals. */
  public void receiver(String receiver, long receiverLost, long receiverDuplicated, long receiverReordered) {
    counts.put(receiver + ".lost", receiverLost);
    counts.put(receiver + ".duplicated", receiverDuplicated);
    counts.put(receiver + ".reordered", receiverReordered);
    lost += receiverLost;
    duplicated += receiverDuplicated;
    reordered += receiverReordered;
  }

  /** The totals over every receiver added so far. */
  public void totals() {
    counts.put("lost", lost);
    counts.put("duplicated", duplicated);
    counts.put("reordered", reordered);
  }
}
