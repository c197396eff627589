package io.micronats.simulator.fault;

import io.micronats.simulator.workload.DeliveryObserver;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Broker accounting from sequence numbers: every message a publisher sends, for every delivery
 * target that expects it (a plain subscriber, or a queue group as a whole), ends up received
 * (once, or more: the extra copies are duplicates) or lost, never both and never twice.
 *
 * <p>Publishers number their messages 0, 1, 2... and call {@link #sent} before publishing (so
 * a fast subscriber never sees a number the ledger does not know) and {@link #rejected} when the
 * publish threw. Targets call {@link #received}. Times are {@link System#nanoTime()} values, so
 * loss can be attributed to fault windows by send time.
 *
 * <p>Thread-safe: every method synchronises on the ledger. At most {@code maxPerPublisher}
 * messages per publisher are accounted; beyond that {@link #overflowed()} turns true and further
 * sends are ignored.
 */
public final class DeliveryLedger implements DeliveryObserver {
  private final int maxPerPublisher;
  /** The send times of a publisher that sent nothing; never added to. */
  private static final LongList NONE_SENT = new LongList(0);

  private final Map<String, LongList> sendTimes = new LinkedHashMap<>();
  private final Map<String, BitSet> rejectedSeqs = new LinkedHashMap<>();
  private final Map<String, LongList> rejectTimes = new LinkedHashMap<>();
  private final Map<String, Map<String, Pair>> pairs = new LinkedHashMap<>();
  private boolean overflowed;
  private long strangers;

  private static final class Pair {
    final BitSet received = new BitSet();
    boolean ordered = true;
    long highest = -1;
    long unique;
    final LongList duplicateTimes;
    final LongList reorderTimes;

    Pair(int max) {
      duplicateTimes = new LongList(max);
      reorderTimes = new LongList(max);
    }
  }

  /**
   * Totals for one target and one publisher.
   *
   * @param target the delivery target
   * @param publisher the publisher
   * @param sent messages sent (rejected ones excluded)
   * @param received distinct messages received (counted on arrival)
   * @param lost messages sent and never received (counted from the send side); when nothing is
   *     miscounted, {@code received + lost == sent}
   * @param duplicated extra copies
   * @param reordered messages received after a higher number
   */
  public record Tally(String target, String publisher, long sent, long received, long lost,
      long duplicated, long reordered) {}

  /** A ledger accounting at most {@code maxPerPublisher} messages per publisher. */
  public DeliveryLedger(int maxPerPublisher) {
    if (maxPerPublisher < 1) {
      throw new IllegalArgumentException("maxPerPublisher must be positive, got " + maxPerPublisher);
    }
    this.maxPerPublisher = maxPerPublisher;
  }

  /** Declares that {@code target} should receive every message of {@code publisher}, in order. */
  @Override
  public synchronized void expect(String target, String publisher) {
    expect(target, publisher, true);
  }

  /**
   * Declares that {@code target} should receive every message of {@code publisher}; with
   * {@code ordered} false (a queue group, whose members receive in parallel), arrival order is
   * not accounted.
   */
  @Override
  public synchronized void expect(String target, String publisher, boolean ordered) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(publisher, "publisher");
    sendTimes.computeIfAbsent(publisher, p -> new LongList(maxPerPublisher));
    pairs.computeIfAbsent(target, t -> new LinkedHashMap<>())
        .computeIfAbsent(publisher, p -> new Pair(maxPerPublisher)).ordered = ordered;
  }

  /** Records that {@code publisher} is about to send message {@code seq}. */
  @Override
  public synchronized void sent(String publisher, long seq, long nanos) {
    LongList times = sendTimes.computeIfAbsent(publisher, p -> new LongList(maxPerPublisher));
    if (seq < 0 || seq >= maxPerPublisher || !times.set((int) seq, nanos, Long.MIN_VALUE)) {
      overflowed = true;
    }
  }

  /** Records that sending {@code seq} threw: it was never sent and cannot be lost. */
  @Override
  public synchronized void rejected(String publisher, long seq, long nanos) {
    if (seq < 0 || seq >= maxPerPublisher) {
      return;
    }
    rejectedSeqs.computeIfAbsent(publisher, p -> new BitSet()).set((int) seq);
    rejectTimes.computeIfAbsent(publisher, p -> new LongList(maxPerPublisher)).add(nanos);
  }

  /**
   * Records that {@code target} received {@code publisher}'s message {@code seq}. A target or
   * publisher never declared with {@link #expect} is counted as a stranger and otherwise ignored.
   */
  @Override
  public synchronized void received(String target, String publisher, long seq, long nanos) {
    Map<String, Pair> byPublisher = pairs.get(target);
    Pair p = byPublisher == null ? null : byPublisher.get(publisher);
    if (p == null || seq < 0 || seq >= maxPerPublisher) {
      strangers++;
      return;
    }
    int s = (int) seq;
    if (p.received.get(s)) {
      p.duplicateTimes.add(nanos);
      return;
    }
    p.received.set(s);
    p.unique++;
    if (seq < p.highest) {
      if (p.ordered) {
        p.reorderTimes.add(nanos);
      }
    } else {
      p.highest = seq;
    }
  }

  /** Whether some publisher sent more than the ledger can account for. */
  public synchronized boolean overflowed() {
    return overflowed;
  }

  /** Receptions from undeclared targets or publishers. */
  public synchronized long strangers() {
    return strangers;
  }

  /** The totals per target and publisher, now. */
  public synchronized List<Tally> tallies() {
    List<Tally> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, Pair>> t : pairs.entrySet()) {
      for (Map.Entry<String, Pair> e : t.getValue().entrySet()) {
        String publisher = e.getKey();
        Pair p = e.getValue();
        long sent = sentCount(publisher);
        long lost = 0;
        LongList times = sendTimes.getOrDefault(publisher, NONE_SENT);
        BitSet rejected = rejectedSeqs.getOrDefault(publisher, new BitSet());
        int n = times.size();
        for (int i = 0; i < n; i++) {
          if (times.get(i) != Long.MIN_VALUE && !rejected.get(i) && !p.received.get(i)) {
            lost++;
          }
        }
        out.add(new Tally(t.getKey(), publisher, sent, p.unique, lost, p.duplicateTimes.size(),
            p.reorderTimes.size()));
      }
    }
    return out;
  }

  /**
   * The window's share: messages sent in [from, to) times their targets, those of them lost,
   * and duplicates, reorders and rejections that happened in [from, to).
   */
  public synchronized FaultReport.BrokerLoss between(long fromNanos, long toNanos) {
    long sent = 0;
    long lost = 0;
    long duplicated = 0;
    long reordered = 0;
    for (Map<String, Pair> byPublisher : pairs.values()) {
      for (Map.Entry<String, Pair> e : byPublisher.entrySet()) {
        LongList times = sendTimes.getOrDefault(e.getKey(), NONE_SENT);
        BitSet rejected = rejectedSeqs.getOrDefault(e.getKey(), new BitSet());
        Pair p = e.getValue();
        int n = times.size();
        for (int i = 0; i < n; i++) {
          long t = times.get(i);
          if (t != Long.MIN_VALUE && t >= fromNanos && t < toNanos && !rejected.get(i)) {
            sent++;
            if (!p.received.get(i)) {
              lost++;
            }
          }
        }
        duplicated += p.duplicateTimes.countBetween(fromNanos, toNanos);
        reordered += p.reorderTimes.countBetween(fromNanos, toNanos);
      }
    }
    long rejectedCount = 0;
    for (LongList l : rejectTimes.values()) {
      rejectedCount += l.countBetween(fromNanos, toNanos);
    }
    return new FaultReport.BrokerLoss(sent, lost, duplicated, reordered, rejectedCount);
  }

  private long sentCount(String publisher) {
    LongList times = sendTimes.get(publisher);
    if (times == null) {
      return 0;
    }
    BitSet rejected = rejectedSeqs.getOrDefault(publisher, new BitSet());
    long n = 0;
    for (int i = 0; i < times.size(); i++) {
      if (times.get(i) != Long.MIN_VALUE && !rejected.get(i)) {
        n++;
      }
    }
    return n;
  }
}
