package io.micronats.tck.broker;

import io.micronats.spi.Message;
import io.micronats.spi.MessagingException;
import io.micronats.spi.NotConnectedException;
import io.micronats.spi.broker.Broker;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.micronats.tck.BackendControl;
import io.micronats.tck.env.DeliveryHistory;
import io.micronats.tck.rules.RuleTest;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Broker rules BRK-017 to BRK-030: connecting and disconnecting, unsubscribing, bad input,
 * closing while handlers run, wildcards and backend restarts.
 *
 * <p>Abstract: subclass it (or {@link BrokerContract}) and supply {@link #target()}. One
 * instance per rule test.
 */
public abstract class BrokerLifecycleRules extends BrokerRuleSupport {

  @RuleTest("BRK-017")
  final void brk017NothingWorksBeforeConnect() throws Exception {
    Broker fresh = newBroker();
    check(!fresh.isConnected(), "a new broker to report isConnected() false", "it was true");
    expectThrows(NotConnectedException.class, "publish() before connect()", () -> {
      fresh.publish(unique("early"), Message.of("x"));
      return null;
    });
    expectThrows(NotConnectedException.class, "subscribe() before connect()", () -> fresh.subscribe(unique("early"), inbox()));
  }

  @RuleTest("BRK-018")
  final void brk018ConnectIsIdempotentAndWorksAfterDisconnect() throws Exception {
    Broker b = newBroker();
    env().boundedRun("connect() twice", () -> {
      b.connect();
      b.connect();
    });
    check(b.isConnected(), "isConnected() after connect()", "it was false");
    env().boundedRun("disconnect()", b::disconnect);
    check(!b.isConnected(), "isConnected() false after disconnect()", "it was true");
    env().boundedRun("connect() after disconnect()", b::connect);
    check(b.isConnected(), "isConnected() after connecting again", "it was false");
    String topic = unique("again");
    Inbox inbox = inbox();
    b.subscribe(topic, inbox);
    b.publish(topic, Message.of("again"));
    awaitCount(inbox, 1, "a subscriber made after reconnecting");
  }

  @RuleTest("BRK-019")
  final void brk019DisconnectAndCloseAreIdempotent() throws Exception {
    Broker b = newBroker();
    env().boundedRun("disconnect() before connect()", b::disconnect);
    b.connect();
    env().boundedRun("disconnect() twice", () -> {
      b.disconnect();
      b.disconnect();
    });
    env().boundedRun("close() twice", () -> {
      b.close();
      b.close();
    });
    check(!b.isConnected(), "a closed broker to report isConnected() false", "it was true");
  }

  @RuleTest("BRK-020")
  final void brk020UnsubscribeStopsDeliveryToThatHandlerOnly() throws Exception {
    String topic = unique("unsub");
    Inbox leaving = inbox();
    Inbox staying = inbox();
    Subscription gone = broker().subscribe(topic, leaving);
    broker().subscribe(topic, staying);
    broker().publish(topic, Message.of("before"));
    awaitCount(leaving, 1, "the subscriber before unsubscribing");
    env().boundedRun("unsubscribe()", gone::unsubscribe);
    check(!gone.isActive(), "isActive() false after unsubscribe()", "it was true");
    broker().publish(topic, Message.of("after"));
    awaitCount(staying, 2, "the remaining subscriber");
    env().assertQuiet("no delivery to the unsubscribed handler", () -> leaving.count() > 1,
        () -> "it received " + leaving.bodies());
  }

  @RuleTest("BRK-021")
  final void brk021UnsubscribeIsIdempotent() throws Exception {
    Subscription s = broker().subscribe(unique("twice"), inbox());
    env().boundedRun("unsubscribe() three times and close()", () -> {
      s.unsubscribe();
      s.unsubscribe();
      s.unsubscribe();
      s.close();
    });
    check(!s.isActive(), "isActive() false", "it was true");
  }

  @RuleTest("BRK-022")
  final void brk022SubscriptionReportsTopicAndOptions() {
    String topic = unique("echo");
    SubscribeOptions options = SubscribeOptions.defaults().withQueue("q1").withAutoAck(false);
    Subscription s = broker().subscribe(topic, inbox(), options);
    check(s.topic().equals(topic), "topic() '" + topic + "'", "it was '" + s.topic() + "'");
    check(s.options().queueGroup().equals(options.queueGroup()) && !s.options().autoAck(),
        "options() with queue q1 and autoAck false", "it was " + s.options());
    check(s.isActive(), "a new subscription to be active", "isActive() was false");
    Subscription plain = broker().subscribe(unique("plain"), inbox());
    check(plain.options().queueGroup().isEmpty() && plain.options().autoAck(),
        "default options: no queue group, autoAck true", "they were " + plain.options());
  }

  @RuleTest("BRK-023")
  final void brk023PublishWithoutSubscribersSucceeds() throws Exception {
    env().boundedRun("publish() to a topic nobody subscribes to", () -> {
      for (int i = 0; i < 10; i++) {
        broker().publish(unique("void"), Message.of("nobody"));
      }
    });
  }

  @RuleTest("BRK-024")
  final void brk024DisconnectEndsSubscriptions() throws Exception {
    Broker b = newConnectedBroker();
    String topic = unique("ended");
    Inbox old = inbox();
    Subscription s = b.subscribe(topic, old);
    env().boundedRun("disconnect()", b::disconnect);
    check(!s.isActive(), "a subscription to be inactive after disconnect()", "isActive() was true");
    expectThrows(NotConnectedException.class, "publish() after disconnect()", () -> {
      b.publish(topic, Message.of("x"));
      return null;
    });
    b.connect();
    Inbox fresh = inbox();
    b.subscribe(topic, fresh);
    b.publish(topic, Message.of("new"));
    awaitCount(fresh, 1, "the new subscriber");
    env().assertQuiet("no delivery to the handler of a subscription ended by disconnect()", () -> old.count() > 0,
        () -> "it received " + old.bodies());
  }

  @RuleTest("BRK-025")
  final void brk025InvalidTopicsAreRejected() throws Exception {
    for (String bad : List.of("", "has space", "wild.*", "wild.>", "double..dot", ".leading", "trailing.")) {
      expectThrows(IllegalArgumentException.class, "publish('" + bad + "')", () -> {
        broker().publish(bad, Message.of("x"));
        return null;
      });
    }
    for (String bad : List.of("", "has space", "double..dot", "a.>.b", "a.b*", "trailing.")) {
      expectThrows(IllegalArgumentException.class, "subscribe('" + bad + "')", () -> broker().subscribe(bad, inbox()));
    }
    String topic = unique("valid");
    Inbox inbox = inbox();
    broker().subscribe(topic, inbox);
    broker().publish(topic, Message.of("ok"));
    awaitCount(inbox, 1, "a subscriber after the invalid topics were rejected");
  }

  @RuleTest("BRK-026")
  @SuppressWarnings("NullAway") // passes null on purpose: the rule is that the plugin rejects it
  final void brk026NullArgumentsAreRejected() throws Exception {
    String topic = unique("nulls");
    List<Callable<?>> calls = List.of(
        () -> {
          broker().publish(null, Message.of("x"));
          return null;
        },
        () -> {
          broker().publish(topic, null);
          return null;
        },
        () -> broker().subscribe(null, inbox()),
        () -> broker().subscribe(topic, null),
        () -> broker().subscribe(topic, inbox(), null));
    String[] names = {"publish(null, m)", "publish(t, null)", "subscribe(null, h)", "subscribe(t, null)", "subscribe(t, h, null)"};
    for (int i = 0; i < calls.size(); i++) {
      RuntimeException e = expectThrows(RuntimeException.class, names[i], calls.get(i));
      check(e instanceof NullPointerException || e instanceof IllegalArgumentException,
          names[i] + " to throw NullPointerException or IllegalArgumentException", "it threw " + e);
    }
    Inbox inbox = inbox();
    broker().subscribe(topic, inbox);
    broker().publish(topic, Message.of("ok"));
    awaitCount(inbox, 1, "a subscriber after the null arguments were rejected");
  }

  @RuleTest("BRK-027")
  final void brk027DisconnectDoesNotWaitForABlockedHandler() throws Exception {
    Broker b = newConnectedBroker();
    String topic = unique("stuck");
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    b.subscribe(topic, e -> {
      entered.countDown();
      release.await(env().ruleTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }, SubscribeOptions.defaults().withErrorHandler((t, e, error) -> { }));
    try {
      b.publish(topic, Message.of("block"));
      check(entered.await(env().waitTimeout().toMillis(), TimeUnit.MILLISECONDS), "the handler to be called", "it was not");
      env().boundedRun("disconnect() while a handler is blocked", b::disconnect);
      env().boundedRun("close() while a handler is blocked", b::close);
    } finally {
      release.countDown();
    }
  }

  @RuleTest("BRK-028")
  final void brk028RemainingQueueMembersGetEverything() throws Exception {
    String topic = unique("leaver");
    Inbox stays = inbox();
    Inbox leaves = inbox();
    broker().subscribe(topic, stays, SubscribeOptions.defaults().withQueue("g"));
    Subscription gone = broker().subscribe(topic, leaves, SubscribeOptions.defaults().withQueue("g"));
    gone.unsubscribe();
    for (int i = 0; i < 20; i++) {
      broker().publish(topic, Message.of("job" + i));
    }
    awaitCount(stays, 20, "the remaining queue-group member");
    check(leaves.count() == 0, "nothing for the member that left", "it got " + leaves.count());
  }

  @RuleTest("BRK-029")
  final void brk029WildcardsMatchTokens() throws Exception {
    String base = unique("wild");
    Inbox star = inbox();
    Inbox tail = inbox();
    broker().subscribe(base + ".*", star);
    broker().subscribe(base + ".>", tail);
    List<String> topics = List.of(base + ".a", base + ".a.b", base);
    for (String t : topics) {
      broker().publish(t, Message.of(t));
    }
    awaitCount(star, 1, "the '*' subscriber");
    awaitCount(tail, 2, "the '>' subscriber");
    env().assertQuiet("'*' to match exactly one token and '>' one or more",
        () -> !star.bodies().equals(List.of(base + ".a")) || !tail.bodies().equals(List.of(base + ".a", base + ".a.b")),
        () -> "'*' got " + star.bodies() + ", '>' got " + tail.bodies());
    check(star.topics().equals(List.of(base + ".a")), "Event.topic() to be the concrete topic", "it was " + star.topics());
  }

  @RuleTest("BRK-030")
  final void brk030SubscriptionSurvivesBackendRestart() throws Exception {
    String topic = unique("restart");
    DeliveryHistory history = new DeliveryHistory();
    broker().subscribe(topic, e -> history.received("sub", e.message()));
    Broker publisher = newConnectedBroker();
    history.sent("p", 0);
    publisher.publish(topic, DeliveryHistory.stamp("p", 0, Message.of("before")));
    env().awaitTrue("the message before the restart", () -> history.receivedCount("sub") >= 1, () -> "none arrived");
    BackendControl backend = tck().backendControl().orElseThrow();
    backend.restart();
    long deadline = System.nanoTime() + env().waitTimeout().multipliedBy(2).toNanos();
    long seq = 1;
    while (history.receivedCount("sub") < 2 && System.nanoTime() < deadline) {
      try {
        history.sent("p", seq);
        publisher.publish(topic, DeliveryHistory.stamp("p", seq, Message.of("after")));
        seq++;
      } catch (MessagingException e) {
        // the backend may still be coming back; keep trying until the deadline
      }
      Thread.sleep(50);
    }
    DeliveryHistory.Analysis a = history.analyze("sub");
    check(history.receivedCount("sub") >= 2, "a message published after the restart to reach the old subscription", a);
    check(a.duplicated() == 0 && a.reordered() == 0 && a.unexpected() == 0,
        "no duplicates or reordering across the restart (losses allowed)", a);
  }
}
