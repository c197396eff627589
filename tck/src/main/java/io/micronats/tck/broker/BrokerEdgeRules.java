package io.micronats.tck.broker;

import io.micronats.tck.env.TckThreads;
import io.micronats.spi.MessagingException;
import io.micronats.spi.Message;
import io.micronats.spi.broker.Broker;
import io.micronats.spi.broker.Event;
import io.micronats.spi.broker.EventHandler;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.micronats.tck.env.DeliveryHistory;
import io.micronats.tck.rules.RuleTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Broker rules BRK-031 to BRK-033: subscribing and unsubscribing from several threads while
 * messages flow (checked against a recorded history), what one instance's disconnect or close
 * does to another instance, and what must hold after {@code close()}.
 *
 * <p>Abstract: subclass it (or {@link BrokerContract}) and supply {@link #target()}. One
 * instance per rule test.
 */
public abstract class BrokerEdgeRules extends BrokerRuleSupport {

  /** Messages each publisher of BRK-031 sends while the churn starts (a fixed count keeps the run reproducible). */
  static final int DURING = 1_000;
  /** Messages each publisher sends after the churn of BRK-031. */
  static final int TAIL = 200;

  @RuleTest("BRK-031")
  // Thread.yield() between subscribe and unsubscribe widens the window in which another thread
  // delivers to the handler; the rule does not rely on it for correctness.
  @SuppressWarnings("ThreadPriorityCheck")
  final void brk031SubscribeAndUnsubscribeFromManyThreads() throws Exception {
    String topic = unique("churn");
    DeliveryHistory history = new DeliveryHistory();
    broker().subscribe(topic, e -> history.received("steady", e.message()));
    List<Broker> publishers = List.of(broker(), newConnectedBroker());
    CountDownLatch churnDone = new CountDownLatch(1);
    int threads = 8;
    int rounds = 20;
    List<Counting> churned = new CopyOnWriteArrayList<>();
    ExecutorService pool = TckThreads.pool("tck-broker", publishers.size() + threads);
    try {
      List<Future<?>> pubs = new ArrayList<>();
      for (int p = 0; p < publishers.size(); p++) {
        Broker b = publishers.get(p);
        String name = "p" + p;
        pubs.add(pool.submit(() -> {
          int i = 0;
          for (; i < DURING; i++) {
            history.sent(name, i);
            b.publish(topic, DeliveryHistory.stamp(name, i, Message.of(name + ":" + i)));
          }
          // then, after the churn, some more, so that late deliveries to unsubscribed handlers show
          churnDone.await(env().ruleTimeout().toMillis(), TimeUnit.MILLISECONDS);
          for (int end = i + TAIL; i < end; i++) {
            history.sent(name, i);
            b.publish(topic, DeliveryHistory.stamp(name, i, Message.of(name + ":" + i)));
          }
          return null;
        }));
      }
      List<Future<?>> churners = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        churners.add(pool.submit(() -> {
          for (int r = 0; r < rounds; r++) {
            Counting handler = new Counting();
            Subscription s = r % 2 == 0 ? broker().subscribe(topic, handler)
                : broker().subscribe(topic, handler, SubscribeOptions.defaults().withQueue("churners"));
            churned.add(handler);
            Thread.yield();
            s.unsubscribe();
            handler.unsubscribed(s.isActive());
            env().awaitTrue("a handler call running when unsubscribe() returned to finish", () -> handler.running.get() == 0);
            handler.settled = handler.calls.get();
          }
          return null;
        }));
      }
      for (Future<?> f : churners) {
        f.get(env().ruleTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
      churnDone.countDown();
      for (Future<?> f : pubs) {
        f.get(env().ruleTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      churnDone.countDown();
      pool.shutdownNow();
    }
    env().awaitTrue("the steady subscriber to receive all " + history.sentCount() + " messages",
        () -> history.receivedCount("steady") >= history.sentCount(), () -> history.analyze("steady").toString());
    Thread.sleep(env().quietWindow().toMillis());
    DeliveryHistory.Analysis a = history.analyze("steady");
    check(a.clean(), "the steady subscriber to receive every message once, in order per publisher, during the churn", a);
    List<String> late = new ArrayList<>();
    for (int i = 0; i < churned.size(); i++) {
      Counting c = churned.get(i);
      if (c.stillActive) {
        late.add("subscription " + i + " was still active after unsubscribe()");
      } else if (c.calls.get() > c.settled + 1) {
        late.add("subscription " + i + " got " + (c.calls.get() - c.settled) + " calls after unsubscribe() returned");
      }
    }
    check(late.isEmpty(), "no handler call to start after unsubscribe() returned (beyond one already being dispatched)",
        late.subList(0, Math.min(5, late.size())) + (late.size() > 5 ? " and " + (late.size() - 5) + " more" : ""));
  }

  /** Counts its calls and whether one is running. */
  private static final class Counting implements EventHandler {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    volatile int settled = Integer.MAX_VALUE;
    volatile boolean stillActive;

    @Override
    public void handle(Event event) {
      running.incrementAndGet();
      calls.incrementAndGet();
      running.decrementAndGet();
    }

    void unsubscribed(boolean active) {
      stillActive = active;
    }
  }

  @RuleTest("BRK-032")
  final void brk032OneInstanceDisconnectingLeavesOthersSubscribed() throws Exception {
    String topic = unique("neighbours");
    Broker leaving = newConnectedBroker();
    Broker closing = newConnectedBroker();
    Broker staying = newConnectedBroker();
    leaving.subscribe(topic, inbox());
    leaving.subscribe(topic, inbox(), SubscribeOptions.defaults().withQueue("g"));
    closing.subscribe(topic, inbox());
    closing.subscribe(topic, inbox(), SubscribeOptions.defaults().withQueue("g"));
    Inbox plain = inbox();
    Inbox member = inbox();
    staying.subscribe(topic, plain);
    staying.subscribe(topic, member, SubscribeOptions.defaults().withQueue("g"));
    // BRK-002 is about readiness; here the staying subscriptions must first be seen to work at all
    int warm = 0;
    long deadline = System.nanoTime() + env().waitTimeout().toNanos();
    while ((plain.count() == 0 || member.count() == 0) && System.nanoTime() < deadline) {
      broker().publish(topic, Message.of("warm" + warm++));
      Thread.sleep(5);
    }
    check(plain.count() > 0 && member.count() > 0, "the staying instance's subscriptions to receive before the others leave",
        "plain got " + plain.count() + ", the group member " + member.count() + " of " + warm);
    env().boundedRun("disconnect() of another broker instance", leaving::disconnect);
    env().boundedRun("close() of a third broker instance", closing::close);
    int plainBefore = plain.count();
    int n = 20;
    publish(topic, 0, n);
    awaitCount(plain, plainBefore + n, "the staying instance's plain subscriber, after the others disconnected and closed");
    List<String> got = plain.bodies().subList(plainBefore, plainBefore + n);
    check(got.equals(expectedBodies(0, n)), "the staying plain subscriber to receive m0..m" + (n - 1) + " after the others left",
        "it received " + got);
    // the group's other members are gone; once the backend knows, every message goes to the staying one
    int memberBefore = member.count();
    int sent = n;
    deadline = System.nanoTime() + env().waitTimeout().toNanos();
    while (member.count() < memberBefore + n && System.nanoTime() < deadline) {
      broker().publish(topic, Message.of("m" + sent++));
      Thread.sleep(2);
    }
    check(member.count() >= memberBefore + n, "the staying queue-group member, now the group's only one, to keep receiving",
        "it received " + (member.count() - memberBefore) + " of " + (sent - n) + " messages published after the others left");
  }

  private void publish(String topic, int from, int to) {
    for (int i = from; i < to; i++) {
      broker().publish(topic, Message.of("m" + i));
    }
  }

  private static List<String> expectedBodies(int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add("m" + i);
    }
    return out;
  }

  @RuleTest("BRK-033")
  final void brk033NothingIsDeliveredAfterClose() throws Exception {
    String topic = unique("after-close");
    Broker closed = newConnectedBroker();
    Inbox inbox = inbox();
    Subscription sub = closed.subscribe(topic, inbox);
    broker().publish(topic, Message.of("before"));
    awaitCount(inbox, 1, "the subscriber before close()");
    env().boundedRun("close()", closed::close);
    check(!closed.isConnected(), "isConnected() false after close()", "it was true");
    check(!sub.isActive(), "the subscription to be inactive after close()", "isActive() was true");
    for (int i = 0; i < 10; i++) {
      broker().publish(topic, Message.of("after" + i));
    }
    env().assertQuiet("the closed broker's handler never to be called again", () -> inbox.count() > 1,
        () -> "it received " + inbox.bodies());
    expectThrows(MessagingException.class, "publish() after close()", () -> {
      closed.publish(topic, Message.of("x"));
      return null;
    });
    expectThrows(MessagingException.class, "subscribe() after close()", () -> closed.subscribe(topic, inbox()));
  }
}
