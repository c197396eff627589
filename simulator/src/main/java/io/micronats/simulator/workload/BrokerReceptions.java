package io.micronats.simulator.workload;

import io.micronats.simulator.measure.SequenceTracker;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.concurrent.locks.LockSupport;

/**
 * What a process's broker receivers keep in common: per (plain subscriber, publisher) sequence
 * tracking, which publishers' probes each plain subscriber saw, and the received and malformed
 * counters shared with the queue group (whose own accounting differs between
 * {@link BrokerWorkload} and its distributed counterpart).
 *
 * <p>Thread-safe (per-tracker locks): messages arrive on the broker's threads.
 */
public final class BrokerReceptions {
  /** Stands for a body not in the wire format (below every valid publisher id and the probe's). */
  private static final int MALFORMED = Integer.MIN_VALUE;

  private final int firstSubscriber;
  private final SequenceTracker[][] plain;
  private final boolean[][] plainProbed;
  private final LongAdder received = new LongAdder();
  private final LongAdder malformed = new LongAdder();

  /** Plain subscribers numbered {@code firstSubscriber} on, each tracking every publisher 0..publishers-1. */
  public BrokerReceptions(int firstSubscriber, int subscribers, int publishers) {
    this.firstSubscriber = firstSubscriber;
    plain = new SequenceTracker[subscribers][publishers];
    plainProbed = new boolean[subscribers][publishers];
    for (SequenceTracker[] row : plain) {
      for (int p = 0; p < publishers; p++) {
        row[p] = new SequenceTracker();
      }
    }
  }

  /**
   * Checks a message delivered to the queue group: a probe goes to {@code probed} (with its
   * publisher), a body that is malformed or names no publisher below {@code publishers} is
   * counted as malformed.
   *
   * @return the publisher of a valid data message, or -1
   */
  public int groupPublisher(byte[] body, int publishers, IntConsumer probed) {
    int pub = publisherOf(body);
    if (pub == BrokerWire.PROBE) {
      probed.accept((int) BrokerWire.sequence(body));
      return -1;
    }
    if (pub < 0 || pub >= publishers) {
      malformed.increment();
      return -1;
    }
    return pub;
  }

  /** The publisher field of a body; {@link #MALFORMED} for a body not in the wire format. */
  private static int publisherOf(byte[] body) {
    return BrokerWire.valid(body) ? BrokerWire.publisher(body) : MALFORMED;
  }

  /**
   * Accounts a message to plain subscriber {@code subscriber} (global number): a probe marks its
   * publisher seen, a data message goes to the publisher's tracker and counts as received.
   *
   * @return the publisher of a received data message, or -1 (a probe, or malformed and counted)
   */
  public int plain(int subscriber, byte[] body) {
    int sub = subscriber - firstSubscriber;
    int pub = publisherOf(body);
    if (pub == BrokerWire.PROBE) {
      int from = (int) BrokerWire.sequence(body);
      synchronized (plainProbed) {
        if (from >= 0 && from < plainProbed[sub].length) {
          plainProbed[sub][from] = true;
        }
      }
      return -1;
    }
    if (pub < 0 || pub >= plain[sub].length) {
      malformed.increment();
      return -1;
    }
    SequenceTracker t = plain[sub][pub];
    synchronized (t) {
      t.receive(BrokerWire.sequence(body));
    }
    received.increment();
    return pub;
  }

  /** True once every plain subscriber saw a probe from every publisher. */
  public boolean allPlainProbed() {
    synchronized (plainProbed) {
      for (boolean[] row : plainProbed) {
        for (boolean b : row) {
          if (!b) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** The number of plain subscribers. */
  public int subscribers() {
    return plain.length;
  }

  /** The number of the first plain subscriber. */
  public int firstSubscriber() {
    return firstSubscriber;
  }

  /**
   * The tracker of plain subscriber {@code index} (0-based here) for {@code publisher}; lock it
   * while reading it.
   */
  public SequenceTracker tracker(int index, int publisher) {
    return plain[index][publisher];
  }

  /** The number of publishers tracked. */
  public int publishers() {
    return plain.length == 0 ? 0 : plain[0].length;
  }

  /** Counts a message (of any receiver) as malformed. */
  public void countMalformed() {
    malformed.increment();
  }

  /** Counts a queue-group delivery as received. */
  public void countReceived() {
    received.increment();
  }

  /** Messages received by every receiver. */
  public long received() {
    return received.sum();
  }

  /** Malformed messages seen by every receiver. */
  public long malformed() {
    return malformed.sum();
  }

  /**
   * Waits until no message arrived for 300 ms, at most {@code max}: deliveries in flight at the
   * phase's end still count.
   */
  public void awaitQuiet(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    long before = -1;
    while (System.nanoTime() < deadline) {
      long now = received.sum();
      if (now == before) {
        return;
      }
      before = now;
      LockSupport.parkNanos(300_000_000L);
    }
  }
}
