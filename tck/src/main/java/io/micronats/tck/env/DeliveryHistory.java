package io.micronats.tck.env;

import io.micronats.spi.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recorded history of what publishers sent and what each subscriber received, classified as
 * lost, duplicated, reordered or unexpected (a Jepsen-style "total queue" check).
 *
 * <p>Thread-safe. Messages are stamped with the headers {@value #PUBLISHER} and
 * {@value #SEQUENCE}; a receive without them counts as unexpected.
 */
public final class DeliveryHistory {

  /** Header naming the publisher of a stamped message. */
  public static final String PUBLISHER = "tck-publisher";
  /** Header holding the per-publisher sequence number, from 0. */
  public static final String SEQUENCE = "tck-seq";

  private final Map<String, Long> sent = new LinkedHashMap<>();
  private final Map<String, List<String[]>> received = new LinkedHashMap<>();

  /** A message stamped with the publisher and sequence number; the caller must then {@link #sent}. */
  public static Message stamp(String publisher, long sequence, Message base) {
    return base.withHeader(PUBLISHER, publisher).withHeader(SEQUENCE, Long.toString(sequence));
  }

  /** Records that {@code publisher} sent its message number {@code sequence} (numbers rise by one from 0). */
  public synchronized void sent(String publisher, long sequence) {
    sent.merge(publisher, sequence + 1, Math::max);
  }

  /** Records that {@code subscriber} received {@code message}. */
  public synchronized void received(String subscriber, Message message) {
    received.computeIfAbsent(subscriber, k -> new ArrayList<>()).add(new String[] {
        message.header(PUBLISHER).orElse(""), message.header(SEQUENCE).orElse("")});
  }

  /** How many messages {@code subscriber} received so far, duplicates included. */
  public synchronized int receivedCount(String subscriber) {
    List<String[]> list = received.get(subscriber);
    return list == null ? 0 : list.size();
  }

  /** How many messages were sent in total. */
  public synchronized long sentCount() {
    return sent.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The classification of what {@code subscriber} received against everything sent. */
  public synchronized Analysis analyze(String subscriber) {
    List<String[]> got = received.getOrDefault(subscriber, List.of());
    Map<String, Set<Long>> distinct = new HashMap<>();
    Map<String, Long> last = new HashMap<>();
    int duplicated = 0;
    int reordered = 0;
    int unexpected = 0;
    List<String> samples = new ArrayList<>();
    for (String[] entry : got) {
      String publisher = entry[0];
      long seq;
      try {
        seq = Long.parseLong(entry[1]);
      } catch (NumberFormatException e) {
        seq = -1;
      }
      Long count = sent.get(publisher);
      if (count == null || seq < 0 || seq >= count) {
        unexpected++;
        note(samples, "unexpected " + publisher + "#" + entry[1]);
        continue;
      }
      if (!distinct.computeIfAbsent(publisher, k -> new HashSet<>()).add(seq)) {
        duplicated++;
        note(samples, "duplicate " + publisher + "#" + seq);
      }
      Long previous = last.put(publisher, seq);
      if (previous != null && seq < previous) {
        reordered++;
        note(samples, publisher + "#" + seq + " after #" + previous);
      }
    }
    long lost = 0;
    for (Map.Entry<String, Long> e : sent.entrySet()) {
      Set<Long> seen = distinct.getOrDefault(e.getKey(), Set.of());
      for (long seq = 0; seq < e.getValue(); seq++) {
        if (!seen.contains(seq)) {
          lost++;
          note(samples, "lost " + e.getKey() + "#" + seq);
        }
      }
    }
    return new Analysis(sentCount(), got.size(), lost, duplicated, reordered, unexpected, List.copyOf(samples));
  }

  private static void note(List<String> samples, String sample) {
    if (samples.size() < 10) {
      samples.add(sample);
    }
  }

  /**
   * What one subscriber's history shows.
   *
   * @param sent messages sent by all publishers
   * @param received messages received, duplicates included
   * @param lost sent but never received
   * @param duplicated received more than once (extra copies)
   * @param reordered received before an earlier message of the same publisher had been
   * @param unexpected received but never sent
   * @param samples up to ten examples, such as {@code lost p1#17}
   */
  public record Analysis(long sent, long received, long lost, long duplicated, long reordered, long unexpected,
      List<String> samples) {

    /** True when nothing was lost, duplicated, reordered or unexpected. */
    public boolean clean() {
      return lost == 0 && duplicated == 0 && reordered == 0 && unexpected == 0;
    }

    @Override
    public String toString() {
      return "sent=" + sent + " received=" + received + " lost=" + lost + " duplicated=" + duplicated
          + " reordered=" + reordered + " unexpected=" + unexpected + (samples.isEmpty() ? "" : " e.g. " + samples);
    }
  }
}
