package io.micronats.simulator.measure;

import java.util.HashSet;
import java.util.Set;

/**
 * Accounts for the sequence numbers one subscriber receives from one publisher: lost,
 * duplicated and reordered messages.
 *
 * <p>Sequences start at 0 and increase by one per published message. A number above the next
 * expected one opens a gap (the skipped numbers become <em>missing</em>); a missing number that
 * arrives later is <em>reordered</em>; a number seen before is <em>duplicated</em>; what is still
 * missing at the end is <em>lost</em>. Call {@link #expectUpTo} with the publisher's last
 * sequence so that messages lost at the tail count too. At most {@value #MAX_MISSING} missing
 * numbers are remembered; beyond that, further gaps count as lost at once and a late arrival of
 * one of them counts as a duplicate ({@link #overflowed()} says it happened).
 *
 * <p>Not thread-safe: one subscriber's handler thread feeds it, or callers synchronise.
 */
public final class SequenceTracker {
  /** Most missing sequence numbers remembered at once: {@value}. */
  public static final int MAX_MISSING = 100_000;

  private long next;
  private long received;
  private long duplicated;
  private long reordered;
  private long lostForSure;
  private boolean overflowed;
  private final Set<Long> missing = new HashSet<>();

  /** Accounts for one received sequence number. */
  public void receive(long sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must be >= 0, was " + sequence);
    }
    received++;
    if (sequence == next) {
      next++;
    } else if (sequence > next) {
      for (long s = next; s < sequence; s++) {
        if (missing.size() < MAX_MISSING) {
          missing.add(s);
        } else {
          overflowed = true;
          lostForSure++;
        }
      }
      next = sequence + 1;
    } else if (missing.remove(sequence)) {
      reordered++;
    } else {
      duplicated++;
    }
  }

  /** Declares that the publisher sent every number up to {@code lastSequence} (inclusive). */
  public void expectUpTo(long lastSequence) {
    for (long s = next; s <= lastSequence; s++) {
      if (missing.size() < MAX_MISSING) {
        missing.add(s);
      } else {
        overflowed = true;
        lostForSure++;
      }
    }
    next = Math.max(next, lastSequence + 1);
  }

  /** Messages received, duplicates included. */
  public long received() {
    return received;
  }

  /** Messages never received (missing now). */
  public long lost() {
    return missing.size() + lostForSure;
  }

  /** Messages received more than once (counted once per extra copy). */
  public long duplicated() {
    return duplicated;
  }

  /** Messages that arrived after a higher sequence number. */
  public long reordered() {
    return reordered;
  }

  /** True when the missing set hit its bound and accounting became approximate. */
  public boolean overflowed() {
    return overflowed;
  }
}
