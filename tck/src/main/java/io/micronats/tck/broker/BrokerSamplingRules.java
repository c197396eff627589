package io.micronats.tck.broker;

import io.micronats.tck.env.TckThreads;
import io.micronats.spi.Message;
import io.micronats.spi.broker.Broker;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.tck.env.DeliveryHistory;
import io.micronats.tck.rules.RuleTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Broker rules BRK-034 to BRK-036: samples large enough to see a defect that strikes about one
 * message in a thousand (loss, duplication, reordering, cross-talk), sized by each rule's
 * catalogue entry ({@code trials}, or {@code thorough} in thorough mode).
 *
 * <p>Abstract: subclass it (or {@link BrokerContract}) and supply {@link #target()}. One
 * instance per rule test.
 */
public abstract class BrokerSamplingRules extends BrokerRuleSupport {

  @RuleTest("BRK-034")
  final void brk034RareLossDuplicationOrReorderingShowsInTheHistory() throws Exception {
    String topic = unique("rare");
    DeliveryHistory history = new DeliveryHistory();
    Broker other = newConnectedBroker();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    broker().subscribe(topic, e -> {
      if (!warm(e, "s1", seen)) {
        history.received("s1", e.message());
      }
    });
    other.subscribe(topic, e -> {
      if (!warm(e, "s2", seen)) {
        history.received("s2", e.message());
      }
    });
    warmUp(List.of(broker(), other), List.of(topic), seen, pairs(List.of("s1", "s2"), 2));
    List<Broker> publishers = List.of(broker(), other, broker(), other);
    int each = (trials() + publishers.size() - 1) / publishers.size();
    int total = each * publishers.size();
    inParallel(publishers.size(), p -> {
      String name = "p" + p;
      for (int i = 0; i < each; i++) {
        history.sent(name, i);
        publishers.get(p).publish(topic, DeliveryHistory.stamp(name, i, Message.of(name + ":" + i)));
      }
    });
    env().awaitTrue("both subscribers to receive " + total + " messages",
        () -> history.receivedCount("s1") >= total && history.receivedCount("s2") >= total,
        () -> "s1=" + history.analyze("s1") + "; s2=" + history.analyze("s2"));
    Thread.sleep(env().quietWindow().toMillis());
    for (String s : List.of("s1", "s2")) {
      DeliveryHistory.Analysis a = history.analyze(s);
      check(a.clean(), "subscriber " + s + " to receive each of " + total + " messages once, in order per publisher", a);
    }
  }

  @RuleTest("BRK-035")
  final void brk035RareQueueGroupDuplicationOrLossShows() throws Exception {
    String topic = unique("rare-group");
    Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    AtomicInteger deliveries = new AtomicInteger();
    List<Broker> instances = List.of(broker(), newConnectedBroker());
    Set<String> warmSeen = ConcurrentHashMap.newKeySet();
    for (int m = 0; m < 4; m++) {
      instances.get(m % 2).subscribe(topic, e -> {
        if (warm(e, "group", warmSeen)) {
          return;
        }
        seen.computeIfAbsent(e.message().bodyAsString(), k -> new AtomicInteger()).incrementAndGet();
        deliveries.incrementAndGet();
      }, SubscribeOptions.defaults().withQueue("rare"));
    }
    warmUp(instances, List.of(topic), warmSeen, pairs(List.of("group"), 2));
    int n = trials();
    inParallel(2, p -> {
      for (int i = p; i < n; i += 2) {
        instances.get(p).publish(topic, Message.of("job" + i));
      }
    });
    env().awaitTrue("the queue group to receive " + n + " messages", () -> deliveries.get() >= n,
        () -> "it received " + deliveries.get());
    Thread.sleep(env().quietWindow().toMillis());
    List<String> duplicated = new ArrayList<>();
    seen.forEach((body, count) -> {
      if (count.get() > 1 && duplicated.size() < 10) {
        duplicated.add(body + " x" + count.get());
      }
    });
    check(deliveries.get() == n && seen.size() == n && duplicated.isEmpty(),
        "each of " + n + " messages delivered to exactly one member of the group",
        deliveries.get() + " deliveries of " + seen.size() + " distinct messages" + (duplicated.isEmpty() ? ""
            : ", duplicated: " + duplicated));
  }

  @RuleTest("BRK-036")
  final void brk036RareCrossTalkBetweenSiblingTopicsShows() throws Exception {
    String base = unique("rare-iso");
    List<String> topics = List.of(base + ".left", base + ".right");
    List<Broker> instances = List.of(broker(), newConnectedBroker());
    List<Map<String, AtomicInteger>> received = List.of(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    AtomicInteger total = new AtomicInteger();
    Set<String> warmSeen = ConcurrentHashMap.newKeySet();
    for (int k = 0; k < 2; k++) {
      Map<String, AtomicInteger> byTopic = received.get(k);
      String subscriber = "sub" + k;
      instances.get(k).subscribe(topics.get(k), e -> {
        if (warm(e, subscriber, warmSeen)) {
          return;
        }
        String tag = e.message().bodyAsString();
        byTopic.computeIfAbsent(tag.substring(0, tag.indexOf(':')) + " (Event.topic " + e.topic() + ")",
            x -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
      });
    }
    warmUp(instances, topics, warmSeen, pairs(List.of("sub0", "sub1"), 2));
    int n = trials();
    inParallel(2, p -> {
      for (int i = p; i < n; i += 2) {
        int k = (i / 2) % 2;
        instances.get(p).publish(topics.get(k), Message.of(topics.get(k) + ":" + i));
      }
    });
    env().awaitTrue("the two subscribers to receive " + n + " messages in total", () -> total.get() >= n,
        () -> "they received " + total.get());
    Thread.sleep(env().quietWindow().toMillis());
    for (int k = 0; k < 2; k++) {
      Map<String, AtomicInteger> byTopic = received.get(k);
      String own = topics.get(k) + " (Event.topic " + topics.get(k) + ")";
      AtomicInteger ownCount = byTopic.get(own);
      check(byTopic.keySet().equals(java.util.Set.of(own)) && ownCount != null && ownCount.get() == expectedOn(k, n),
          "the subscriber of " + topics.get(k) + " to receive exactly its " + expectedOn(k, n) + " messages",
          "it received " + byTopic);
    }
  }

  /** Header of the warm-up messages sent before a sample; their value is "subscriber-key". */
  static final String WARM = "tck-warm";

  /**
   * Publishes warm-up messages from every instance to every topic until each subscriber has seen
   * one from each instance, so that the sample measures rare defects, not subscription readiness
   * (BRK-002 is about that); handlers note warm-ups in {@code seen} and record nothing else of them.
   */
  private void warmUp(List<Broker> instances, List<String> topics, Set<String> seen, Set<String> wanted) throws Exception {
    long deadline = System.nanoTime() + env().waitTimeout().toNanos();
    while (!seen.containsAll(wanted) && System.nanoTime() < deadline) {
      for (int i = 0; i < instances.size(); i++) {
        for (String topic : topics) {
          instances.get(i).publish(topic, Message.of("warm").withHeader(WARM, "i" + i));
        }
      }
      Thread.sleep(5);
    }
    Set<String> missing = new java.util.TreeSet<>(wanted);
    missing.removeAll(seen);
    check(missing.isEmpty(), "every subscriber to receive a warm-up message from every instance before the sample",
        "missing (subscriber/instance): " + missing);
  }

  /** True (and noted in {@code seen}) when {@code e} is a warm-up message. */
  private static boolean warm(io.micronats.spi.broker.Event e, String subscriber, Set<String> seen) {
    java.util.Optional<String> from = e.message().header(WARM);
    from.ifPresent(i -> seen.add(subscriber + "/" + i));
    return from.isPresent();
  }

  /** subscriber/instance keys for every pair. */
  private static Set<String> pairs(List<String> subscribers, int instances) {
    Set<String> out = new java.util.TreeSet<>();
    for (String s : subscribers) {
      for (int i = 0; i < instances; i++) {
        out.add(s + "/i" + i);
      }
    }
    return out;
  }

  /** How many of the n messages of BRK-036 go to topic k. */
  private static int expectedOn(int k, int n) {
    int count = 0;
    for (int i = 0; i < n; i++) {
      if ((i / 2) % 2 == k) {
        count++;
      }
    }
    return count;
  }

  /** Runs {@code body} for 0..n-1 on n threads and waits for all of them. */
  private void inParallel(int n, ThrowingIntConsumer body) throws Exception {
    ExecutorService pool = TckThreads.pool("tck-broker", n);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int id = i;
        done.add(pool.submit(() -> {
          body.accept(id);
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(env().ruleTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** An int consumer that may throw. */
  @FunctionalInterface
  private interface ThrowingIntConsumer {
    void accept(int value) throws Exception;
  }
}
