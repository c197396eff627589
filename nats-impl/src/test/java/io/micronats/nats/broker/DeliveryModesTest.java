package io.micronats.nats.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.spi.Message;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.micronats.spi.plugin.PluginConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The broker's two delivery modes on a real server: many subscriptions cost a bounded number of
 * threads; the first few get a dispatcher of their own; in both modes each subscription gets its
 * messages serially and in order, a blocked handler stalls no other subscription, and drops are
 * counted and reported. {@code delivery.dedicated} 0 pools every subscription, 4 (the default)
 * gives each subscription of these tests its own dispatcher.
 */
class DeliveryModesTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static NatsCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = NatsCluster.builder().nodes(1).build();
    cluster.start();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  static NatsBroker broker(String... extra) {
    PluginConfig config = PluginConfig.of("addresses", cluster.node(0).clientUrl(), "shared", "false");
    for (int i = 0; i + 1 < extra.length; i += 2) {
      config = config.with(extra[i], extra[i + 1]);
    }
    NatsBroker broker = NatsBroker.builder().config(config).build();
    broker.connect();
    return broker;
  }

  @Test
  void manySubscriptionsUseABoundedNumberOfThreads() throws Exception {
    try (NatsBroker sub = broker("delivery.threads", "3"); NatsBroker pub = broker()) {
      int before = Thread.activeCount();
      AtomicInteger got = new AtomicInteger();
      List<Subscription> subs = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        subs.add(sub.subscribe("many." + i, e -> got.incrementAndGet(), SubscribeOptions.defaults()));
      }
      for (int i = 0; i < 300; i++) {
        pub.publish("many." + i, Message.of("x"));
      }
      await(() -> got.get() == 300);
      int grew = Thread.activeCount() - before;
      long deliverers = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith("broker-nats-deliver-")).count();
      assertThat(grew).as("threads added by 300 subscriptions").isLessThan(20);
      assertThat(deliverers).as("delivery pool threads").isLessThanOrEqualTo(3);
      subs.forEach(Subscription::unsubscribe);
    }
  }

  @ParameterizedTest(name = "delivery.dedicated={0}")
  @ValueSource(strings = {"0", "4"})
  void eachSubscriptionReceivesSeriallyAndInOrder(String dedicated) throws Exception {
    try (NatsBroker sub = broker("delivery.threads", "2", "delivery.dedicated", dedicated); NatsBroker pub = broker()) {
      int topics = 4;
      int perTopic = 5_000;
      List<List<Integer>> seen = new ArrayList<>();
      AtomicInteger concurrent = new AtomicInteger();
      AtomicInteger overlaps = new AtomicInteger();
      for (int t = 0; t < topics; t++) {
        List<Integer> list = new CopyOnWriteArrayList<>();
        seen.add(list);
        AtomicInteger inside = new AtomicInteger();
        sub.subscribe("order." + t, e -> {
          if (inside.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
          }
          concurrent.incrementAndGet();
          list.add(Integer.parseInt(e.message().bodyAsString()));
          inside.decrementAndGet();
        }, SubscribeOptions.defaults());
      }
      for (int i = 0; i < perTopic; i++) {
        for (int t = 0; t < topics; t++) {
          pub.publish("order." + t, Message.of(Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
        }
      }
      await(() -> seen.stream().allMatch(l -> l.size() == perTopic));
      for (List<Integer> list : seen) {
        for (int i = 0; i < perTopic; i++) {
          assertThat(list.get(i)).isEqualTo(i);
        }
      }
      assertThat(overlaps.get()).as("handler calls overlapping within one subscription").isZero();
    }
  }

  @ParameterizedTest(name = "delivery.dedicated={0}")
  @ValueSource(strings = {"0", "4"})
  void aBlockedHandlerDoesNotStallAnotherSubscription(String dedicated) throws Exception {
    try (NatsBroker sub = broker("delivery.threads", "2", "delivery.dedicated", dedicated); NatsBroker pub = broker()) {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch entered = new CountDownLatch(1);
      AtomicInteger fast = new AtomicInteger();
      sub.subscribe("blocked.slow", e -> {
        entered.countDown();
        release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      }, SubscribeOptions.defaults());
      sub.subscribe("blocked.fast", e -> fast.incrementAndGet(), SubscribeOptions.defaults());
      pub.publish("blocked.slow", Message.of("block"));
      assertThat(entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      for (int i = 0; i < 100; i++) {
        pub.publish("blocked.fast", Message.of("go"));
      }
      await(() -> fast.get() == 100);
      release.countDown();
    }
  }

  @ParameterizedTest(name = "delivery.dedicated={0}")
  @ValueSource(strings = {"0", "4"})
  void dropsOverThePendingLimitAreCountedAndReported(String dedicated) throws Exception {
    try (NatsBroker sub = broker("pending.messages", "10", "delivery.dedicated", dedicated); NatsBroker pub = broker()) {
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger reported = new AtomicInteger();
      sub.subscribe("drops.topic", e -> release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS),
          SubscribeOptions.defaults().withErrorHandler((topic, event, error) -> reported.incrementAndGet()));
      for (int i = 0; i < 200; i++) {
        pub.publish("drops.topic", Message.of("m"));
      }
      await(() -> sub.stats().dropped() >= 150);
      release.countDown();
      await(() -> reported.get() >= 1);
    }
  }

  @Test
  void theFirstSubscriptionsGetADispatcherOfTheirOwnAndFreedSlotsAreReused() throws Exception {
    try (NatsBroker sub = broker("delivery.dedicated", "2"); NatsBroker pub = broker()) {
      AtomicInteger got = new AtomicInteger();
      List<NatsSubscription> subs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        subs.add((NatsSubscription) sub.subscribe("slots." + i, e -> got.incrementAndGet(), SubscribeOptions.defaults()));
      }
      assertThat(subs).extracting(NatsSubscription::isDedicated).containsExactly(true, true, false, false);
      subs.get(0).unsubscribe();
      NatsSubscription next = (NatsSubscription) sub.subscribe("slots.4", e -> got.incrementAndGet(), SubscribeOptions.defaults());
      assertThat(next.isDedicated()).as("a freed dedicated slot is given to the next subscription").isTrue();
      for (int i = 0; i <= 4; i++) {
        pub.publish("slots." + i, Message.of("x"));
      }
      await(() -> got.get() == 4);
      assertThat(sub.stats().delivered()).isEqualTo(4);
    }
  }

  @ParameterizedTest(name = "delivery.dedicated={0}")
  @ValueSource(strings = {"0", "4"})
  void unsubscribingFromInsideTheHandlerNeitherInterruptsItNorDeliversMore(String dedicated) throws Exception {
    try (NatsBroker sub = broker("delivery.dedicated", dedicated); NatsBroker pub = broker()) {
      AtomicInteger calls = new AtomicInteger();
      AtomicInteger interrupted = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(1);
      Subscription[] self = new Subscription[1];
      CountDownLatch subscribed = new CountDownLatch(1);
      self[0] = sub.subscribe("self.unsub", e -> {
        subscribed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        calls.incrementAndGet();
        self[0].unsubscribe();
        try {
          Thread.sleep(50); // would throw if the unsubscribe had interrupted this thread
        } catch (InterruptedException ex) {
          interrupted.incrementAndGet();
        }
        done.countDown();
      }, SubscribeOptions.defaults());
      subscribed.countDown();
      for (int i = 0; i < 20; i++) {
        pub.publish("self.unsub", Message.of("x"));
      }
      assertThat(done.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      pub.publish("self.unsub", Message.of("after"));
      Thread.sleep(200); // a delivery after unsubscribe would show within this quiet window
      assertThat(calls.get()).as("handler calls").isEqualTo(1);
      assertThat(interrupted.get()).as("handler interrupted by its own unsubscribe").isZero();
      assertThat(self[0].isActive()).isFalse();
    }
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(5);
    }
  }
}
