package io.micronats.spi.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.spi.Await;
import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.NotConnectedException;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.broker.ErrorHandler;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.micronats.spi.plugin.PluginConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryBrokerTest {

  private final InMemoryHub hub = InMemoryHub.create();
  private final InMemoryBroker publisher = InMemoryBroker.create(hub);
  private final InMemoryBroker subscriber = InMemoryBroker.create(hub);

  InMemoryBrokerTest() {
    publisher.connect();
    subscriber.connect();
  }

  @AfterEach
  void closeAll() {
    publisher.close();
    subscriber.close();
  }

  @Test
  void publishOnOneInstanceReachesSubscribersOnAnother() {
    List<String> got = new CopyOnWriteArrayList<>();
    subscriber.subscribe("orders.created", e -> got.add(e.topic() + "=" + e.message().bodyAsString()));
    publisher.publish("orders.created", Message.of("1"));
    Await.until("delivery", () -> got.size() == 1);
    assertThat(got).containsExactly("orders.created=1");
  }

  @Test
  void everyPlainSubscriberGetsEveryMessage() {
    AtomicInteger a = new AtomicInteger();
    AtomicInteger b = new AtomicInteger();
    subscriber.subscribe("t", e -> a.incrementAndGet());
    publisher.subscribe("t", e -> b.incrementAndGet());
    for (int i = 0; i < 10; i++) {
      publisher.publish("t", Message.of("x"));
    }
    Await.until("both got 10", () -> a.get() == 10 && b.get() == 10);
  }

  @Test
  void eachQueueGroupGetsEachMessageExactlyOnce() throws Exception {
    Set3 counts = new Set3();
    SubscribeOptions group = SubscribeOptions.defaults().withQueue("workers");
    for (int i = 0; i < 3; i++) {
      InMemoryBroker member = i == 0 ? publisher : subscriber;
      member.subscribe("jobs", e -> counts.record("workers", e.message().bodyAsString()), group);
    }
    subscriber.subscribe("jobs", e -> counts.record("audit", e.message().bodyAsString()),
        SubscribeOptions.defaults().withQueue("audit"));
    subscriber.subscribe("jobs", e -> counts.record("plain", e.message().bodyAsString()));
    for (int i = 0; i < 300; i++) {
      publisher.publish("jobs", Message.of("job-" + i));
    }
    Await.until("all delivered", () -> counts.total() == 900);
    Thread.sleep(100); // a quiet window: duplicates would show up now
    assertThat(counts.total()).isEqualTo(900);
    for (String kind : List.of("workers", "audit", "plain")) {
      assertThat(counts.byKind(kind)).hasSize(300).allSatisfy((body, n) -> assertThat(n).isEqualTo(1));
    }
  }

  @Test
  void wildcardSubscriptionsFollowNatsRules() {
    List<String> star = new CopyOnWriteArrayList<>();
    List<String> tail = new CopyOnWriteArrayList<>();
    subscriber.subscribe("a.*", e -> star.add(e.topic()));
    subscriber.subscribe("a.>", e -> tail.add(e.topic()));
    for (String topic : List.of("a", "a.b", "a.b.c", "x.b")) {
      publisher.publish(topic, Message.empty());
    }
    Await.until("deliveries", () -> star.size() == 1 && tail.size() == 2);
    assertThat(star).containsExactly("a.b");
    assertThat(tail).containsExactlyInAnyOrder("a.b", "a.b.c");
  }

  @Test
  void deliveryIsSerialAndInPublishOrderPerSubscription() {
    List<Integer> got = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger inHandler = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    subscriber.subscribe("seq", e -> {
      maxConcurrent.accumulateAndGet(inHandler.incrementAndGet(), Math::max);
      got.add(Integer.parseInt(e.message().bodyAsString()));
      inHandler.decrementAndGet();
    });
    for (int i = 0; i < 1000; i++) {
      publisher.publish("seq", Message.of(Integer.toString(i)));
    }
    Await.until("1000 delivered", () -> got.size() == 1000);
    assertThat(got).isSorted();
    assertThat(maxConcurrent.get()).isEqualTo(1);
    assertThat(Thread.currentThread().getName()).doesNotStartWith("memory-broker-dispatch");
  }

  @Test
  void handlerFailureGoesToTheErrorHandlerAndDeliveryContinues() {
    List<Throwable> errors = new CopyOnWriteArrayList<>();
    List<String> ok = new CopyOnWriteArrayList<>();
    ErrorHandler onError = (topic, event, error) -> errors.add(error);
    subscriber.subscribe("fragile", e -> {
      if (e.message().bodyAsString().equals("boom")) {
        throw new IllegalStateException("boom");
      }
      ok.add(e.message().bodyAsString());
    }, SubscribeOptions.defaults().withErrorHandler(onError));
    publisher.publish("fragile", Message.of("boom"));
    publisher.publish("fragile", Message.of("fine"));
    Await.until("both handled", () -> errors.size() == 1 && ok.size() == 1);
    assertThat(errors.get(0)).hasMessage("boom");
  }

  @Test
  void publishAndSubscribeWhenNotConnectedFail() {
    try (InMemoryBroker idle = InMemoryBroker.create(hub)) {
      assertThatThrownBy(() -> idle.publish("t", Message.empty()))
          .isInstanceOf(NotConnectedException.class).hasMessageContaining("'t'");
      assertThatThrownBy(() -> idle.subscribe("t", e -> { })).isInstanceOf(NotConnectedException.class);
    }
  }

  @Test
  void disconnectEndsSubscriptionsAndConnectAfterDisconnectWorks() {
    AtomicInteger old = new AtomicInteger();
    Subscription sub = subscriber.subscribe("t", e -> old.incrementAndGet());
    subscriber.disconnect();
    subscriber.disconnect();
    assertThat(sub.isActive()).isFalse();
    assertThatThrownBy(() -> subscriber.publish("t", Message.empty())).isInstanceOf(NotConnectedException.class);
    subscriber.connect();
    subscriber.connect();
    AtomicInteger fresh = new AtomicInteger();
    subscriber.subscribe("t", e -> fresh.incrementAndGet());
    publisher.publish("t", Message.empty());
    Await.until("new subscription receives", () -> fresh.get() == 1);
    assertThat(old.get()).isZero();
  }

  @Test
  void unsubscribedHandlerIsNotCalledAgain() throws Exception {
    AtomicInteger count = new AtomicInteger();
    Subscription sub = subscriber.subscribe("t", e -> count.incrementAndGet());
    sub.unsubscribe();
    sub.unsubscribe();
    publisher.publish("t", Message.empty());
    Thread.sleep(100);
    assertThat(count.get()).isZero();
  }

  @Test
  void publishWithNoSubscribersSucceeds() {
    publisher.publish("nobody.listens", Message.of("x"));
  }

  @Test
  void invalidTopicsAndOversizedMessagesAreRejected() {
    assertThatThrownBy(() -> publisher.publish("a.*", Message.empty()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.*");
    assertThatThrownBy(() -> publisher.subscribe("a b", e -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a b");
    try (InMemoryBroker small = InMemoryBroker.create(hub, PluginConfig.of("max.payload", "10"))) {
      small.connect();
      assertThatThrownBy(() -> small.publish("t", Message.of(new byte[11])))
          .isInstanceOf(PayloadTooLargeException.class);
    }
  }

  @Test
  void slowSubscriptionDropsBeyondItsPendingLimitAndReportsIt() throws Exception {
    try (InMemoryBroker limited = InMemoryBroker.create(hub, PluginConfig.of("pending.limit", "5"))) {
      limited.connect();
      CountDownLatch release = new CountDownLatch(1);
      List<Throwable> errors = new CopyOnWriteArrayList<>();
      AtomicInteger handled = new AtomicInteger();
      limited.subscribe("slow", e -> {
        release.await(5, TimeUnit.SECONDS);
        handled.incrementAndGet();
      }, SubscribeOptions.defaults().withErrorHandler((t, ev, err) -> errors.add(err)));
      for (int i = 0; i < 50; i++) {
        publisher.publish("slow", Message.empty());
      }
      release.countDown();
      Await.until("drop reported", () -> !errors.isEmpty());
      assertThat(errors.get(0)).hasMessageContaining("dropped");
      Await.until("pending handled", () -> handled.get() >= 5);
      assertThat(handled.get()).isLessThan(50);
    }
  }

  @Test
  void closeStopsDeliveryAndCannotReconnect() {
    subscriber.close();
    subscriber.close();
    assertThat(subscriber.isConnected()).isFalse();
    assertThatThrownBy(subscriber::connect).isInstanceOf(ClosedException.class);
  }

  @Test
  void concurrentPublishersKeepEachPublishersOrderAndQueueGroupsStayExact() throws Exception {
    ConcurrentHashMap<String, List<Integer>> byPublisher = new ConcurrentHashMap<>();
    AtomicInteger groupTotal = new AtomicInteger();
    subscriber.subscribe("load", e -> {
      String[] parts = e.message().bodyAsString().split(":", -1);
      byPublisher.computeIfAbsent(parts[0], p -> new CopyOnWriteArrayList<>()).add(Integer.parseInt(parts[1]));
    });
    SubscribeOptions group = SubscribeOptions.defaults().withQueue("g");
    subscriber.subscribe("load", e -> groupTotal.incrementAndGet(), group);
    publisher.subscribe("load", e -> groupTotal.incrementAndGet(), group);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      String id = "p" + t;
      threads.add(new Thread(() -> {
        for (int i = 0; i < 500; i++) {
          publisher.publish("load", Message.of(id + ":" + i));
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join(10_000);
    }
    Await.until("2000 plain deliveries", () -> byPublisher.values().stream().mapToInt(List::size).sum() == 2000);
    Await.until("2000 group deliveries", () -> groupTotal.get() == 2000);
    Thread.sleep(100);
    assertThat(groupTotal.get()).isEqualTo(2000);
    byPublisher.values().forEach(list -> assertThat(list).hasSize(500).isSorted());
  }

  /** Counts deliveries per kind and body. */
  private static final class Set3 {
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Integer>> counts = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    void record(String kind, String body) {
      counts.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).merge(body, 1, Integer::sum);
      total.incrementAndGet();
    }

    int total() {
      return total.get();
    }

    java.util.Map<String, Integer> byKind(String kind) {
      return counts.getOrDefault(kind, new ConcurrentHashMap<>());
    }
  }
}
