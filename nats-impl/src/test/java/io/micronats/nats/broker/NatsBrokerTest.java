package io.micronats.nats.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronats.nats.ThreeNodeCluster;
import io.micronats.spi.BrokerException;
import io.micronats.spi.Message;
import io.micronats.spi.NotConnectedException;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.plugin.PluginConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The NATS broker on a real 3-node cluster; publishers and subscribers sit on different nodes. */
class NatsBrokerTest extends ThreeNodeCluster {

  private static final Duration WAIT = Duration.ofSeconds(15);

  static NatsBroker onNode(int node, String... extra) {
    PluginConfig config = clientOf(node);
    for (int i = 0; i + 1 < extra.length; i += 2) {
      config = config.with(extra[i], extra[i + 1]);
    }
    NatsBroker broker = NatsBroker.builder().config(config).build();
    broker.connect();
    return broker;
  }

  @Test
  void queueGroupMembersOnDifferentNodesShareEachMessageExactlyOnce() throws Exception {
    Map<Integer, AtomicInteger> perMessage = new ConcurrentHashMap<>();
    AtomicInteger plain = new AtomicInteger();
    try (NatsBroker pub = onNode(0); NatsBroker b0 = onNode(0); NatsBroker b1 = onNode(1); NatsBroker b2 = onNode(2)) {
      for (NatsBroker b : List.of(b0, b1, b2)) {
        b.subscribe("orders.queue", e -> perMessage.computeIfAbsent(Integer.parseInt(e.message().bodyAsString()),
            k -> new AtomicInteger()).incrementAndGet(), SubscribeOptions.defaults().withQueue("billing"));
      }
      b2.subscribe("orders.queue", e -> plain.incrementAndGet());
      cluster.awaitInterest("orders.queue", WAIT);
      for (int i = 0; i < 300; i++) {
        pub.publish("orders.queue", Message.of(Integer.toString(i)));
      }
      await(() -> perMessage.size() == 300 && plain.get() == 300);
      assertThat(perMessage.values()).allMatch(c -> c.get() == 1);
    }
  }

  @Test
  void headersTravelAsNatsHeaders() throws Exception {
    BlockingQueue<Message> got = new ArrayBlockingQueue<>(1);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Trace-Id", "abc-123");
    headers.put("odd name", "välue\nwith newline");
    Message sent = new Message(headers, new byte[] {0, 1, 2, (byte) 255});
    try (NatsBroker pub = onNode(1); NatsBroker sub = onNode(2)) {
      sub.subscribe("headers.test", e -> got.add(e.message()));
      cluster.awaitInterest("headers.test", WAIT);
      pub.publish("headers.test", sent);
      assertThat(got.poll(15, TimeUnit.SECONDS)).isEqualTo(sent);
    }
  }

  @Test
  void slowConsumerDropsAreCountedAndReported() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Throwable> reported = new CopyOnWriteArrayList<>();
    try (NatsBroker pub = onNode(0); NatsBroker sub = onNode(0, NatsBroker.PENDING_MESSAGES, "10", "shared", "false")) {
      sub.subscribe("slow.topic", e -> release.await(30, TimeUnit.SECONDS),
          SubscribeOptions.defaults().withErrorHandler((topic, event, error) -> reported.add(error)));
      for (int i = 0; i < 200; i++) {
        pub.publish("slow.topic", Message.of("m" + i));
      }
      await(() -> sub.stats().delivered() >= 1);
      Thread.sleep(200); // the messages reach the subscriber's pending queue and overflow it
      release.countDown();
      await(() -> sub.stats().dropped() > 0 && !reported.isEmpty());
      assertThat(reported.get(0)).isInstanceOf(BrokerException.class).hasMessageContaining("slow consumer");
      assertThat(sub.stats().dropped() + sub.stats().delivered()).isLessThanOrEqualTo(200);
    }
  }

  @Test
  void publishChecksThePayloadLimitAndTheConnection() {
    try (NatsBroker broker = onNode(1)) {
      assertThrows(PayloadTooLargeException.class,
          () -> broker.publish("big.topic", Message.of(new byte[(int) broker.maxPayloadBytes() + 1])));
      broker.disconnect();
      assertThrows(NotConnectedException.class, () -> broker.publish("big.topic", Message.of("x")));
      broker.connect();
      broker.publish("big.topic", Message.of("x"));
      assertThrows(IllegalArgumentException.class, () -> broker.publish("", Message.of("x")));
      assertThrows(IllegalArgumentException.class, () -> broker.publish("big.*", Message.of("x")));
    }
  }

  @Test
  void subscriptionCarriesOnWhenItsNodeIsKilled() throws Exception {
    AtomicInteger received = new AtomicInteger();
    try (NatsBroker pub = onNode(0); NatsBroker sub = onNode(2, "shared", "false")) {
      sub.subscribe("failover.topic", e -> received.incrementAndGet());
      cluster.awaitInterest("failover.topic", WAIT);
      pub.publish("failover.topic", Message.of("before"));
      await(() -> received.get() == 1);
      cluster.node(2).kill();
      try {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (received.get() < 2 && System.nanoTime() < deadline) {
          pub.publish("failover.topic", Message.of("after"));
          Thread.sleep(50);
        }
        assertThat(received.get()).isGreaterThanOrEqualTo(2);
        assertThat(sub.isConnected()).isTrue();
      } finally {
        cluster.node(2).restart();
        cluster.awaitRoutes(WAIT);
      }
    }
  }

  @Test
  void connectAfterTheClientLibraryGaveUpReestablishesAndResubscribes() throws Exception {
    AtomicInteger received = new AtomicInteger();
    try (NatsBroker pub = onNode(0);
         NatsBroker sub = onNode(1, "shared", "false", "reconnect.max", "0")) {
      sub.subscribe("giveup.topic", e -> received.incrementAndGet());
      cluster.node(1).kill();
      try {
        await(() -> !sub.isConnected());
        assertThrows(NotConnectedException.class, () -> sub.publish("giveup.topic", Message.of("x")));
      } finally {
        cluster.node(1).restart();
        cluster.awaitRoutes(WAIT);
      }
      sub.connect();
      assertThat(sub.isConnected()).isTrue();
      assertThat(sub.stats().reconnects()).isEqualTo(1);
      cluster.awaitInterest("giveup.topic", WAIT);
      pub.publish("giveup.topic", Message.of("again"));
      await(() -> received.get() == 1);
    }
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(10);
    }
  }
}
