package io.micronats.simulator.measure;

import java.util.BitSet;

/**
 * Accounts for the sequence numbers a queue group receives from one publisher, across all its
 * members: each message should reach exactly one member. Lost means no member got it,
 * duplicated means more than one copy arrived in the group. Reordering is judged per member with
 * a {@link SequenceTracker}-like rule: a member that sees a number below one it already saw.
 *
 * <p>Thread-safe: members' handler threads may call {@link #receive} concurrently.
 */
public final class QueueGroupTracker {
  private final BitSet seen = new BitSet();
  private final long[] lastPerMember;
  private long received;
  private long duplicated;
  private long reordered;
  private long highest = -1;

  /** A tracker for a group of {@code members} members, numbered 0..members-1. */
  public QueueGroupTracker(int members) {
    if (members < 1) {
      throw new IllegalArgumentException("members must be >= 1, was " + members);
    }
    lastPerMember = new long[members];
    java.util.Arrays.fill(lastPerMember, -1);
  }

  /** Accounts for {@code sequence} received by group member {@code member}. */
  public synchronized void receive(int member, long sequence) {
    if (sequence < 0 || sequence > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("sequence out of range: " + sequence);
    }
    received++;
    if (seen.get((int) sequence)) {
      duplicated++;
    } else {
      seen.set((int) sequence);
    }
    if (sequence < lastPerMember[member]) {
      reordered++;
    }
    lastPerMember[member] = Math.max(lastPerMember[member], sequence);
    highest = Math.max(highest, sequence);
  }

  /** Messages no member received among 0..lastSequence. */
  public synchronized long lost(long lastSequence) {
    long expected = lastSequence + 1;
    long distinct = seen.get(0, (int) Math.min(Integer.MAX_VALUE, expected)).cardinality();
    return expected - distinct;
  }

  /** Copies received by all members together. */
  public synchronized long received() {
    return received;
  }

  /** Extra copies received in the group. */
  public synchronized long duplicated() {
    return duplicated;
  }

  /** Messages a member received after a higher number. */
  public synchronized long reordered() {
    return reordered;
  }

  /** Copies each member received is not tracked; this is the highest number seen. */
  public synchronized long highest() {
    return highest;
  }
}
