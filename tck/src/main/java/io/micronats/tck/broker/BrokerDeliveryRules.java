package io.micronats.tck.broker;

import io.micronats.tck.env.TckThreads;
import io.micronats.spi.Message;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.broker.Broker;
import io.micronats.spi.broker.Event;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.tck.env.DeliveryHistory;
import io.micronats.tck.rules.RuleTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Broker rules BRK-001 to BRK-016: delivery, fan-out, queue groups, topic isolation, ordering,
 * the delivery guarantee against a recorded history, payload limits, handler failures and
 * concurrency.
 *
 * <p>Abstract: subclass it (or {@link BrokerContract}) and supply {@link #target()}. One
 * instance per rule test.
 */
public abstract class BrokerDeliveryRules extends BrokerRuleSupport {

  /** The largest payload the TCK allocates to test limits: {@value} bytes. */
  public static final long LARGEST_TESTED_PAYLOAD = 16L * 1024 * 1024;

  @RuleTest("BRK-001")
  final void brk001PublishedMessageArrivesIntact() throws Exception {
    String topic = unique("orders.created");
    Inbox inbox = inbox();
    broker().subscribe(topic, inbox);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Mixed-Case", "Äpfel");
    Message sent = new Message(headers, "{\"id\":1}".getBytes(StandardCharsets.UTF_8));
    broker().publish(topic, sent);
    awaitCount(inbox, 1, "the subscriber");
    check(inbox.messages().get(0).equals(sent), "the message " + sent + " " + headers,
        "got " + inbox.messages().get(0) + " " + inbox.messages().get(0).headers());
    check(inbox.topics().get(0).equals(topic), "Event.topic() '" + topic + "'", "it was '" + inbox.topics().get(0) + "'");
  }

  @RuleTest("BRK-002")
  final void brk002SubscriptionOfAnotherInstanceIsReadyOnReturn() throws Exception {
    String topic = unique("cross");
    Broker publisher = newConnectedBroker();
    Inbox inbox = inbox();
    broker().subscribe(topic, inbox);
    publisher.publish(topic, Message.of("across instances"));
    awaitCount(inbox, 1, "the subscriber on the other instance");
    check(inbox.bodies().equals(List.of("across instances")), "exactly the message 'across instances'", "got " + inbox.bodies());
  }

  @RuleTest("BRK-003")
  final void brk003EverySubscriberGetsEveryMessage() throws Exception {
    String topic = unique("fanout");
    List<Inbox> inboxes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Inbox inbox = inbox();
      inboxes.add(inbox);
      broker().subscribe(topic, inbox);
    }
    for (int i = 0; i < 20; i++) {
      broker().publish(topic, Message.of("m" + i));
    }
    for (int i = 0; i < inboxes.size(); i++) {
      awaitCount(inboxes.get(i), 20, "subscriber " + i);
    }
    env().assertQuiet("no subscriber to get more than 20", () -> inboxes.stream().anyMatch(b -> b.count() > 20),
        () -> "counts " + inboxes.stream().map(Inbox::count).toList());
  }

  @RuleTest("BRK-004")
  final void brk004QueueGroupGetsEachMessageOnce() throws Exception {
    String topic = unique("work");
    List<Inbox> members = subscribeGroup(broker(), topic, "workers", 3);
    int n = 60;
    for (int i = 0; i < n; i++) {
      broker().publish(topic, Message.of("job" + i));
    }
    assertExactlyOnce(members, n, "queue group 'workers'");
  }

  @RuleTest("BRK-005")
  final void brk005QueueGroupsAndPlainSubscribersAreIndependent() throws Exception {
    String topic = unique("split");
    List<Inbox> groupA = subscribeGroup(broker(), topic, "a", 2);
    List<Inbox> groupB = subscribeGroup(broker(), topic, "b", 2);
    Inbox plain = inbox();
    broker().subscribe(topic, plain);
    int n = 30;
    for (int i = 0; i < n; i++) {
      broker().publish(topic, Message.of("job" + i));
    }
    assertExactlyOnce(groupA, n, "queue group 'a'");
    assertExactlyOnce(groupB, n, "queue group 'b'");
    check(plain.count() == n, "the plain subscriber to get all " + n, "it got " + plain.count());
  }

  @RuleTest("BRK-006")
  final void brk006QueueGroupSpansInstances() throws Exception {
    String topic = unique("spanning");
    List<Inbox> members = new ArrayList<>(subscribeGroup(broker(), topic, "shared", 2));
    members.addAll(subscribeGroup(newConnectedBroker(), topic, "shared", 2));
    Broker publisher = newConnectedBroker();
    int n = 40;
    for (int i = 0; i < n; i++) {
      publisher.publish(topic, Message.of("job" + i));
    }
    assertExactlyOnce(members, n, "queue group 'shared' across two broker instances");
  }

  @RuleTest("BRK-007")
  final void brk007NoCrossTalkBetweenTopics() throws Exception {
    String base = unique("iso");
    Map<String, Inbox> byTopic = new LinkedHashMap<>();
    for (String t : List.of(base, base + ".child", base + "x", base + ".other")) {
      Inbox inbox = inbox();
      byTopic.put(t, inbox);
      broker().subscribe(t, inbox);
    }
    for (String t : byTopic.keySet()) {
      broker().publish(t, Message.of(t));
    }
    for (Map.Entry<String, Inbox> e : byTopic.entrySet()) {
      awaitCount(e.getValue(), 1, "the subscriber of '" + e.getKey() + "'");
    }
    env().assertQuiet("each subscriber to receive only its own topic",
        () -> byTopic.entrySet().stream().anyMatch(e -> !e.getValue().bodies().equals(List.of(e.getKey()))),
        () -> "received " + byTopic.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().bodies()).toList());
  }

  @RuleTest("BRK-008")
  final void brk008OrderPerPublisherAndOneHandlerCallAtATime() throws Exception {
    String topic = unique("ordered");
    DeliveryHistory history = new DeliveryHistory();
    Inbox inbox = inbox();
    broker().subscribe(topic, event -> {
      inbox.handle(event);
      history.received("sub", event.message());
    });
    publishConcurrently(List.of(broker(), newConnectedBroker()), topic, 200, history);
    awaitCount(inbox, 400, "the subscriber");
    DeliveryHistory.Analysis a = history.analyze("sub");
    check(a.reordered() == 0, "messages of each publisher in publish order", a);
    check(inbox.maxConcurrent() == 1, "one handler call at a time per subscription",
        inbox.maxConcurrent() + " calls overlapped");
  }

  @RuleTest("BRK-009")
  final void brk009HistoryShowsNoLossDuplicationOrReordering() throws Exception {
    String topic = unique("history");
    DeliveryHistory history = new DeliveryHistory();
    Broker other = newConnectedBroker();
    broker().subscribe(topic, e -> history.received("s1", e.message()));
    other.subscribe(topic, e -> history.received("s2", e.message()));
    List<Broker> publishers = List.of(broker(), other, broker(), other);
    publishConcurrently(publishers, topic, 250, history);
    env().awaitTrue("both subscribers to receive 1000 messages",
        () -> history.receivedCount("s1") >= 1000 && history.receivedCount("s2") >= 1000,
        () -> "s1=" + history.analyze("s1") + "; s2=" + history.analyze("s2"));
    Thread.sleep(env().quietWindow().toMillis());
    for (String s : List.of("s1", "s2")) {
      DeliveryHistory.Analysis a = history.analyze(s);
      check(a.clean(), "subscriber " + s + " to receive every message once, in order per publisher", a);
    }
  }

  @RuleTest("BRK-010")
  final void brk010PayloadLimitBelowAtAndAbove() throws Exception {
    long max = broker().maxPayloadBytes();
    check(max > 0, "maxPayloadBytes() > 0", "it was " + max);
    Assumptions.assumeTrue(max <= LARGEST_TESTED_PAYLOAD, () -> "maxPayloadBytes() = " + max
        + " is above the largest payload the TCK allocates (" + LARGEST_TESTED_PAYLOAD + ")");
    String topic = unique("limit");
    Inbox inbox = inbox();
    broker().subscribe(topic, inbox);
    byte[] below = randomBytes((int) max - 1);
    byte[] at = randomBytes((int) max);
    broker().publish(topic, Message.of(below));
    broker().publish(topic, Message.of(at));
    awaitCount(inbox, 2, "the subscriber");
    check(inbox.messages().get(0).equals(Message.of(below)) && inbox.messages().get(1).equals(Message.of(at)),
        "bodies of " + (max - 1) + " and " + max + " bytes to arrive intact",
        "got bodies of " + inbox.messages().stream().map(Message::bodyLength).toList() + " bytes");
    PayloadTooLargeException e = expectThrows(PayloadTooLargeException.class, "publish() of " + (max + 1) + " bytes", () -> {
      broker().publish(topic, Message.of(new byte[(int) (max + 1)]));
      return null;
    });
    check(e.limit() == max && e.size() > max, "the exception to report limit " + max + " and a larger size",
        "limit=" + e.limit() + " size=" + e.size());
    broker().publish(topic, Message.of("after"));
    awaitCount(inbox, 3, "the subscriber");
    check(inbox.messages().get(2).bodyAsString().equals("after"), "only the small message after the rejected one",
        "got bodies of " + inbox.messages().stream().map(Message::bodyLength).toList() + " bytes");
  }

  @RuleTest("BRK-011")
  final void brk011ArbitraryBytesAndEmptyBodies() throws Exception {
    String topic = unique("bytes");
    Inbox inbox = inbox();
    broker().subscribe(topic, inbox);
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    List<Message> sent = List.of(Message.of(all), Message.empty(), Message.empty().withHeader("Empty", ""),
        Message.of(randomBytes(8192)));
    for (Message m : sent) {
      broker().publish(topic, m);
    }
    awaitCount(inbox, sent.size(), "the subscriber");
    check(inbox.messages().equals(sent), "the messages " + sent + " intact and in order", "got " + inbox.messages());
  }

  @RuleTest("BRK-012")
  final void brk012BlockedHandlerDoesNotStallOtherSubscriptions() throws Exception {
    String slowTopic = unique("slow");
    String fastTopic = unique("fast");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    broker().subscribe(slowTopic, e -> {
      entered.countDown();
      release.await(env().ruleTimeout().toMillis(), TimeUnit.MILLISECONDS);
    });
    Inbox fast = inbox();
    broker().subscribe(fastTopic, fast);
    try {
      broker().publish(slowTopic, Message.of("block"));
      check(entered.await(env().waitTimeout().toMillis(), TimeUnit.MILLISECONDS), "the slow handler to be called",
          "it was not called");
      broker().publish(fastTopic, Message.of("meanwhile"));
      awaitCount(fast, 1, "the other subscription, while the first handler is blocked");
    } finally {
      release.countDown();
    }
  }

  @RuleTest("BRK-013")
  final void brk013HandlerFailureGoesToErrorHandler() throws Exception {
    String topic = unique("failing");
    BlockingQueue<Object[]> reported = new LinkedBlockingQueue<>();
    Inbox good = inbox();
    RuntimeException boom = new IllegalStateException("deliberate handler failure (TCK)");
    broker().subscribe(topic, e -> {
      if (e.message().bodyAsString().equals("bad")) {
        throw boom;
      }
      good.handle(e);
    }, SubscribeOptions.defaults().withErrorHandler((t, e, error) -> reported.add(new Object[] {t, e, error})));
    env().boundedRun("publish() of a message whose handler throws", () -> broker().publish(topic, Message.of("bad")));
    Object[] report = reported.poll(env().waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    check(report != null, "the ErrorHandler to be called", "it was not called within " + env().waitTimeout().toMillis() + " ms");
    check(report[0].equals(topic), "the ErrorHandler's topic '" + topic + "'", "it was " + report[0]);
    check(report[1] instanceof Event ev && ev.message().bodyAsString().equals("bad"),
        "the ErrorHandler's event to carry the message 'bad'", "it was " + report[1]);
    check(causedBy((Throwable) report[2], boom), "the ErrorHandler's error to be (or be caused by) the handler's exception",
        "it was " + report[2]);
    broker().publish(topic, Message.of("good"));
    awaitCount(good, 1, "the subscription after a handler failure");
  }

  @RuleTest("BRK-014")
  final void brk014AckNeverFails() throws Exception {
    String topic = unique("ack");
    Inbox auto = inbox();
    Inbox manual = inbox();
    broker().subscribe(topic, e -> {
      e.ack();
      auto.handle(e);
    });
    broker().subscribe(topic, e -> {
      e.ack();
      e.ack();
      manual.handle(e);
    }, SubscribeOptions.defaults().withAutoAck(false).withErrorHandler((t, e, err) -> errors().record(err)));
    broker().publish(topic, Message.of("ack me"));
    awaitCount(auto, 1, "the auto-ack subscriber (after calling ack())");
    awaitCount(manual, 1, "the manual-ack subscriber (after calling ack() twice)");
  }

  @RuleTest("BRK-015")
  final void brk015QueueGroupSpreadsLoad() throws Exception {
    String topic = unique("spread");
    List<Inbox> members = subscribeGroup(broker(), topic, "spread", 3);
    for (int i = 0; i < 90; i++) {
      broker().publish(topic, Message.of("job" + i));
    }
    assertExactlyOnce(members, 90, "queue group 'spread'");
    long used = members.stream().filter(m -> m.count() > 0).count();
    check(used >= 2, "at least 2 of 3 group members to receive messages", "counts " + members.stream().map(Inbox::count).toList());
  }

  @RuleTest("BRK-016")
  final void brk016ManySubscriptionsAtOnce() throws Exception {
    int topics = 40;
    List<String> names = new ArrayList<>();
    List<Inbox> inboxes = new ArrayList<>();
    for (int i = 0; i < topics; i++) {
      names.add(unique("many" + i));
      inboxes.add(inbox());
    }
    Broker shared = broker();
    ExecutorService pool = TckThreads.pool("tck-broker", 8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < topics; i++) {
        int k = i;
        done.add(pool.submit(() -> shared.subscribe(names.get(k), inboxes.get(k))));
      }
      for (Future<?> f : done) {
        f.get(env().waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < topics; i++) {
      broker().publish(names.get(i), Message.of(names.get(i)));
    }
    for (int i = 0; i < topics; i++) {
      awaitCount(inboxes.get(i), 1, "the subscriber of topic " + i);
    }
    env().assertQuiet("each of " + topics + " subscribers to get exactly its own message",
        () -> {
          for (int i = 0; i < topics; i++) {
            if (!inboxes.get(i).bodies().equals(List.of(names.get(i)))) {
              return true;
            }
          }
          return false;
        }, () -> "some subscriber got " + inboxes.stream().filter(b -> b.count() != 1).map(Inbox::bodies).toList());
  }

  /** Subscribes {@code n} inboxes in {@code group} on {@code broker}. */
  static List<Inbox> subscribeGroup(Broker broker, String topic, String group, int n) {
    List<Inbox> members = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Inbox member = new Inbox();
      members.add(member);
      broker.subscribe(topic, member, SubscribeOptions.defaults().withQueue(group));
    }
    return members;
  }

  /** Asserts that the members together got each of {@code n} messages exactly once. */
  final void assertExactlyOnce(List<Inbox> members, int n, String group) throws InterruptedException {
    env().awaitTrue(group + " to receive " + n + " messages in total",
        () -> members.stream().mapToInt(Inbox::count).sum() >= n,
        () -> "member counts " + members.stream().map(Inbox::count).toList());
    env().assertQuiet(group + " to receive no more than " + n + " messages",
        () -> members.stream().mapToInt(Inbox::count).sum() > n,
        () -> "member counts " + members.stream().map(Inbox::count).toList());
    Map<String, Integer> seen = new HashMap<>();
    members.forEach(m -> m.bodies().forEach(b -> seen.merge(b, 1, Integer::sum)));
    check(seen.size() == n && seen.values().stream().allMatch(c -> c == 1),
        group + " to receive each message exactly once",
        "duplicates " + seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList());
  }

  private void publishConcurrently(List<Broker> publishers, String topic, int each, DeliveryHistory history)
      throws Exception {
    ExecutorService pool = TckThreads.pool("tck-broker", publishers.size());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int p = 0; p < publishers.size(); p++) {
        Broker b = publishers.get(p);
        String name = "p" + p;
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            history.sent(name, i);
            b.publish(topic, DeliveryHistory.stamp(name, i, Message.of(name + ":" + i)));
          }
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

  private static boolean causedBy(Throwable error, Throwable expected) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t == expected) {
        return true;
      }
    }
    return false;
  }
}
