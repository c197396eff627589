package io.micronats.nats.registry;

import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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
  private final long start;
  private long firstReply;
  private long lastReply;

  QueryCollector(Set<String> expected, boolean answeredLocally) {
    this.expected = expected;
    this.start = System.nanoTime();
    if (answeredLocally) {
      firstReply = start;
      lastReply = start;
    }
  }

  void onReply(Service service, String instance, long ttlMillis) {
    lock.lock();
    try {
      long now = System.nanoTime();
      if (firstReply == 0) {
        firstReply = now;
      }
      lastReply = now;
      parts.add(new RemoteView.Part(service, instance, ttlMillis));
      replied.add(instance);
      changed.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for answers: the whole {@code window} when {@code fixed}, otherwise until every expected
   * instance answered or a quiet period passed (at least {@code quietMinNanos}, and at least as
   * long as the first answer took).
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
            return;
          }
          if (firstReply != 0) {
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
    templates.forEach((key, s) -> out.add(s.withNodes(List.copyOf(nodes.get(key).values()))));
    return out;
  }
}
