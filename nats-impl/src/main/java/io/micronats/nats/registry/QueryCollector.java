package io.micronats.nats.registry;

import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The answers to one broadcast query, and the rule for when to stop waiting for more.
 *
 * <p>Thread-safe: replies come from the registry's dispatcher thread, one caller waits.
 */
final class QueryCollector {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<RemoteView.Part> parts = new ArrayList<>();
  private final Set<String> replied = new HashSet<>();
  private final Set<String> expected;
  private final String self;
  private final BooleanSupplier believedGone;
  private final long start;
  /** The least wait after the last answer when the expected set came from answers: 1 ms. */
  static final long MIN_GAP_NANOS = 1_000_000L;
  private boolean learnt;
  private long firstReply;
  private long lastReply;

  /**
   * @param expected the other instances believed (from watch events) to serve the name; answers
   *     may add more ({@link #onReply})
   * @param self this registry's instance id, never expected to answer over NATS
   * @param answeredLocally whether this instance serves the name itself (an answer at time 0)
   * @param believedGone whether the watch stream saw the name's last node go (asked again while
   *     no answer came, since the event may arrive after the query left): then no answer at all
   *     also ends the query after the quiet period instead of the whole window; must not block
   *     nor call back into this collector
   */
  QueryCollector(Set<String> expected, String self, boolean answeredLocally, BooleanSupplier believedGone) {
    this.expected = new HashSet<>(expected);
    this.expected.remove(self);
    this.self = self;
    this.believedGone = answeredLocally ? () -> false : believedGone;
    this.start = System.nanoTime();
    if (answeredLocally) {
      firstReply = start;
      lastReply = start;
    }
  }

  /**
   * One answer from {@code instance}; {@code serving} are the instances that the answerer knows
   * to serve the name (itself included), which this query then waits for as well.
   */
  void onReply(Service service, String instance, long ttlMillis, Set<String> serving) {
    lock.lock();
    try {
      long now = System.nanoTime();
      if (firstReply == 0) {
        firstReply = now;
      }
      lastReply = now;
      parts.add(new RemoteView.Part(service, instance, ttlMillis));
      replied.add(instance);
      for (String s : serving) {
        if (!s.equals(self) && expected.add(s)) {
          learnt = true;
        }
      }
      changed.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for answers: the whole {@code window} when {@code fixed}, otherwise until every expected
   * instance (known from watch events or named by an answer; in the latter case plus a gap as long
   * as the first answer took) answered, or a quiet period passed
   * (at least {@code quietMinNanos}, and at least as long as the first answer took), or, for a
   * name believed gone, {@code quietMinNanos} passed without any answer.
   */
  void await(long windowNanos, boolean fixed, long quietMinNanos) throws InterruptedException {
    long deadline = start + windowNanos;
    lock.lockInterruptibly();
    try {
      while (true) {
        long now = System.nanoTime();
        if (now - deadline >= 0) {
          return;
        }
        long wakeAt = deadline;
        if (!fixed) {
          if (!expected.isEmpty() && replied.containsAll(expected)) {
            if (!learnt) {
              return; // every instance our own watch stream knows has answered
            }
            // Answers named instances we did not know of: their knowledge may be a little
            // behind, so wait as long again as the first answer took (at least 1 ms, at most the
            // quiet period) after the last answer for an instance nobody named.
            long gapEnd = lastReply + Math.min(quietMinNanos, Math.max(MIN_GAP_NANOS, firstReply - start));
            if (now - gapEnd >= 0) {
              return;
            }
            wakeAt = Math.min(deadline, gapEnd);
          } else if (firstReply == 0) {
            // No answer yet: look again every quiet period whether the name is believed gone.
            long quietEnd = start + quietMinNanos;
            if (now - quietEnd >= 0 && believedGone.getAsBoolean()) {
              return;
            }
            wakeAt = Math.min(deadline, now - quietEnd >= 0 ? now + quietMinNanos : quietEnd);
          } else if (firstReply != 0) {
            long quiet = Math.max(quietMinNanos, firstReply - start);
            long quietEnd = lastReply + quiet;
            if (now - quietEnd >= 0) {
              return;
            }
            wakeAt = Math.min(deadline, quietEnd);
          }
        }
        changed.await(Math.max(1, wakeAt - now), TimeUnit.NANOSECONDS);
      }
    } finally {
      lock.unlock();
    }
  }

  /** The answers so far. */
  List<RemoteView.Part> parts() {
    lock.lock();
    try {
      return List.copyOf(parts);
    } finally {
      lock.unlock();
    }
  }

  /** Merges services per (name, version), de-duplicating nodes by id (the later answer wins). */
  static List<Service> merge(List<Service> services) {
    Map<String, Service> templates = new LinkedHashMap<>();
    Map<String, LinkedHashMap<String, Node>> nodes = new LinkedHashMap<>();
    for (Service s : services) {
      String key = s.name() + "\u0000" + s.version();
      templates.put(key, s);
      LinkedHashMap<String, Node> byId = nodes.computeIfAbsent(key, k -> new LinkedHashMap<>());
      for (Node n : s.nodes()) {
        byId.put(n.id(), n);
      }
    }
    List<Service> out = new ArrayList<>(templates.size());
    templates.forEach((key, s) -> out.add(s.withNodes(List.copyOf(Objects.requireNonNull(nodes.get(key)).values()))));
    return out;
  }
}
