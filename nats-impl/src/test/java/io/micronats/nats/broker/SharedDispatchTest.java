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

/**
 * The broker's shared dispatch on a real server: many subscriptions cost a bounded number of
 * threads, and each subscription still gets its messages serially and in order.
 */
class SharedDispatchTest {

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
    }
  }

  @Test
  void eachSubscriptionReceivesSeriallyAndInOrder() throws Exception {
    try (NatsBroker sub = broker("delivery.threads", "2"); NatsBroker pub = broker()) {
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

  @Test
  void aBlockedHandlerDoesNotStallAnotherSubscription() throws Exception {
    try (NatsBroker sub = broker("delivery.threads", "2"); NatsBroker pub = broker()) {
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

  @Test
  void dropsOverThePendingLimitAreCountedAndReported() throws Exception {
    try (NatsBroker sub = broker("pending.messages", "10"); NatsBroker pub = broker()) {
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
