package io.micronats.nats.cluster.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronats.nats.cluster.NatsCluster;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener.Events;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A {@link LinkProxy} in front of a real nats-server pair. */
class LinkProxyTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static NatsCluster cluster;
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private final Queue<Events> events = new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void startPair() {
    cluster = NatsCluster.builder().nodes(2).clusterName("linkproxy-test").build();
    cluster.start();
  }

  @AfterAll
  static void stopPair() {
    cluster.close();
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  private LinkProxy proxyTo(int node) {
    LinkProxy p = LinkProxy.to("test-n" + node, cluster.node(node).clientPort()).start();
    toClose.add(p);
    return p;
  }

  private Connection connect(String url, Duration pingInterval) throws Exception {
    Options o = new Options.Builder().server(url).connectionTimeout(Duration.ofSeconds(5))
        .pingInterval(pingInterval).maxPingsOut(2).reconnectWait(Duration.ofMillis(100))
        .maxReconnects(-1).ignoreDiscoveredServers()
        .connectionListener((conn, type) -> events.add(type)).build();
    Connection c = Nats.connect(o);
    toClose.add(0, c);
    return c;
  }

  @Test
  void forwardsBothWaysAndCountsBytes() throws Exception {
    LinkProxy proxy = proxyTo(0);
    Connection c = connect("nats://" + proxy.address(), Duration.ofSeconds(30));
    Subscription sub = c.subscribe("proxy.forward");
    c.flush(Duration.ofSeconds(5));
    c.publish("proxy.forward", "hello".getBytes(StandardCharsets.UTF_8));
    Message m = sub.nextMessage(Duration.ofSeconds(5));

    assertThat(m).isNotNull();
    assertThat(new String(m.getData(), StandardCharsets.UTF_8)).isEqualTo("hello");
    ProxyStats s = proxy.stats();
    assertThat(s.accepted()).isEqualTo(1);
    assertThat(s.active()).isEqualTo(1);
    assertThat(s.bytesUpstream()).isPositive();
    assertThat(s.bytesDownstream()).isPositive();
  }

  @Test
  void delayAddsLatencyEachWay() throws Exception {
    LinkProxy proxy = proxyTo(0);
    Connection c = connect("nats://" + proxy.address(), Duration.ofSeconds(30));
    Duration before = c.RTT();
    proxy.delay(Duration.ofMillis(60), Duration.ZERO);
    Duration during = c.RTT();
    proxy.restore();
    Duration after = c.RTT();

    assertThat(before).isLessThan(Duration.ofMillis(60));
    assertThat(during).isGreaterThanOrEqualTo(Duration.ofMillis(120));
    assertThat(after).isLessThan(Duration.ofMillis(60));
  }

  @Test
  void jitterKeepsTheByteOrder() throws Exception {
    LinkProxy proxy = proxyTo(0);
    proxy.delay(Duration.ofMillis(5), Duration.ofMillis(5));
    Connection c = connect("nats://" + proxy.address(), Duration.ofSeconds(30));
    Subscription sub = c.subscribe("proxy.order");
    c.flush(Duration.ofSeconds(5));
    for (int i = 0; i < 200; i++) {
      c.publish("proxy.order", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
      if (i % 20 == 0) {
        c.flush(Duration.ofSeconds(5));
      }
    }
    for (int i = 0; i < 200; i++) {
      Message m = sub.nextMessage(Duration.ofSeconds(5));
      assertThat(m).as("message %d", i).isNotNull();
      assertThat(new String(m.getData(), StandardCharsets.UTF_8)).isEqualTo(Integer.toString(i));
    }
  }

  @Test
  void silenceHoldsBytesWithoutClosingUntilPingsFail() throws Exception {
    LinkProxy proxy = proxyTo(0);
    Connection c = connect("nats://" + proxy.address(), Duration.ofMillis(400));
    proxy.silence(Direction.BOTH);
    long silencedAt = System.nanoTime();

    await().atMost(WAIT).until(() -> events.contains(Events.DISCONNECTED));
    long detectedMillis = (System.nanoTime() - silencedAt) / 1_000_000;
    // the proxy itself closed nothing: the client gave up after its pings went unanswered
    assertThat(proxy.stats().cut()).isZero();
    assertThat(detectedMillis).isGreaterThanOrEqualTo(400);
    proxy.restore();
    await().atMost(WAIT).until(() -> c.getStatus() == Connection.Status.CONNECTED);
    assertThat(events).contains(Events.RECONNECTED);
  }

  @Test
  void silenceShorterThanThePingBudgetLosesNothing() throws Exception {
    LinkProxy proxy = proxyTo(0);
    Connection c = connect("nats://" + proxy.address(), Duration.ofSeconds(30));
    Subscription sub = c.subscribe("proxy.held");
    c.flush(Duration.ofSeconds(5));
    proxy.silence(Direction.DOWNSTREAM);
    c.publish("proxy.held", "held".getBytes(StandardCharsets.UTF_8));
    assertThat(sub.nextMessage(Duration.ofMillis(500))).as("nothing arrives while silent").isNull();
    proxy.speak(Direction.DOWNSTREAM);

    Message m = sub.nextMessage(Duration.ofSeconds(5));
    assertThat(m).as("held bytes flow on after the silence").isNotNull();
    assertThat(events).doesNotContain(Events.DISCONNECTED);
  }

  @Test
  void cutResetsConnectionsAndTheClientReconnects() throws Exception {
    LinkProxy proxy = proxyTo(0);
    Connection c = connect("nats://" + proxy.address(), Duration.ofSeconds(30));
    proxy.cut();

    await().atMost(WAIT).until(() -> events.contains(Events.RECONNECTED));
    assertThat(events).contains(Events.DISCONNECTED);
    assertThat(proxy.stats().cut()).isEqualTo(1);
    assertThat(proxy.stats().accepted()).isGreaterThanOrEqualTo(2);
    assertThat(c.getStatus()).isEqualTo(Connection.Status.CONNECTED);
  }

  @Test
  // "127.0.0.1" is an IP literal, so no name is resolved; the server listens on IPv4 loopback only.
  @SuppressWarnings("AddressSelection")
  void downRefusesNewConnectionsUntilRestored() throws Exception {
    LinkProxy proxy = proxyTo(1);
    proxy.down();
    try (Socket s = new Socket()) {
      // accepted and reset at once: end of stream or a reset (which may already hit the
      // connect), never the server's INFO
      int first;
      try {
        s.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 2000);
        s.setSoTimeout(2000);
        first = s.getInputStream().read();
      } catch (java.net.SocketException reset) {
        first = -1;
      }
      assertThat(first).isEqualTo(-1);
    }
    await().atMost(WAIT).until(() -> proxy.stats().refused() >= 1);
    proxy.restore();
    Connection c = connect("nats://" + proxy.address(), Duration.ofSeconds(30));
    assertThat(c.getStatus()).isEqualTo(Connection.Status.CONNECTED);
  }

  @Test
  void closeIsIdempotentAndEndsConnections() throws Exception {
    LinkProxy proxy = proxyTo(0);
    Connection c = connect("nats://" + proxy.address(), Duration.ofSeconds(30));
    proxy.close();
    proxy.close();

    await().atMost(WAIT).until(() -> events.contains(Events.DISCONNECTED));
    assertThat(proxy.stats().active()).isZero();
    assertThat(c.getStatus()).isNotEqualTo(Connection.Status.CONNECTED);
  }
}
