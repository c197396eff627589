package io.micronats.nats.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import io.nats.client.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NatsConnectionsTest {
  private static NatsCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = NatsCluster.builder().nodes(2).clusterName("conntest").build();
    cluster.start();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  private static NatsSettings settings(String... extra) {
    PluginConfig c = cluster.clientConfig();
    for (int i = 0; i < extra.length; i += 2) {
      c = c.with(extra[i], extra[i + 1]);
    }
    return NatsSettings.from(c);
  }

  @Test
  void equalSharedSettingsShareOneConnectionUntilTheLastRelease() {
    NatsSettings s = settings("name", "shared-test");

    Connection a = NatsConnections.acquire(s);
    Connection b = NatsConnections.acquire(NatsSettings.from(cluster.clientConfig().with("name", "shared-test")));

    assertThat(b).isSameAs(a);
    assertThat(NatsConnections.users(a)).isEqualTo(2);
    NatsConnections.release(a);
    assertThat(a.getStatus()).isEqualTo(Connection.Status.CONNECTED);
    NatsConnections.release(b);
    assertThat(a.getStatus()).isEqualTo(Connection.Status.CLOSED);
    assertThat(NatsConnections.users(a)).isZero();
  }

  @Test
  void unsharedSettingsGetPrivateConnections() {
    NatsSettings s = settings("name", "private-test", "shared", "false");

    Connection a = NatsConnections.acquire(s);
    Connection b = NatsConnections.acquire(s);
    try {
      assertThat(b).isNotSameAs(a);
      NatsConnections.release(a);
      assertThat(a.getStatus()).isEqualTo(Connection.Status.CLOSED);
      assertThat(b.getStatus()).isEqualTo(Connection.Status.CONNECTED);
    } finally {
      NatsConnections.release(b);
    }
  }

  @Test
  void unreachableServerFailsFastWithTheUrl() throws Exception {
    String url = "nats://127.0.0.1:1"; // privileged port nobody listens on: connection refused
    NatsSettings s = NatsSettings.from(PluginConfig.of("addresses", url, "connect.timeout", "1s"));
    long start = System.nanoTime();

    NatsConnectException e = assertThrows(NatsConnectException.class, () -> NatsConnections.acquire(s));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(e.getMessage()).contains(url);
    assertThat(e.addresses()).containsExactly(url);
  }

  @Test
  void hungServerFailsWithinTheConnectTimeout() {
    try (NatsCluster single = NatsCluster.builder().nodes(1).clusterName("hung").build()) {
      single.start();
      single.node(0).pause();
      NatsSettings s = NatsSettings.from(single.clientConfig().with("connect.timeout", "1s").with("shared", "false"));
      long start = System.nanoTime();

      NatsConnectException e = assertThrows(NatsConnectException.class, () -> NatsConnections.acquire(s));

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertThat(e.getMessage()).contains(single.node(0).clientUrl());
    }
  }

  @Test
  void killingTheServerIsCountedAsDisconnectReconnectAndResubscribe() throws Exception {
    NatsSettings s = NatsSettings.from(PluginConfig.of("addresses", cluster.node(0).clientUrl() + ","
        + cluster.node(1).clientUrl(), "name", "events-test", "shared", "false", "reconnect.wait", "100ms"));
    Connection c = NatsConnections.acquire(s);
    List<ConnectionEvent.Type> seen = new CopyOnWriteArrayList<>();
    NatsConnections.addListener(c, e -> seen.add(e.type()));
    long totalReconnectsBefore = NatsConnections.totalStats().reconnects();
    try {
      c.subscribe("events.test");
      c.flush(Duration.ofSeconds(5));
      String first = c.getConnectedUrl();
      int victim = first.endsWith(":" + cluster.node(0).clientPort()) ? 0 : 1;

      cluster.node(victim).kill();

      await().atMost(Duration.ofSeconds(20)).until(() -> NatsConnections.stats(c).resubscribes() >= 1);
      ConnectionStats stats = NatsConnections.stats(c);
      assertThat(stats.disconnects()).isGreaterThanOrEqualTo(1);
      assertThat(stats.reconnects()).isGreaterThanOrEqualTo(1);
      assertThat(seen).contains(ConnectionEvent.Type.DISCONNECTED, ConnectionEvent.Type.RECONNECTED,
          ConnectionEvent.Type.RESUBSCRIBED);
      assertThat(NatsConnections.totalStats().reconnects()).isGreaterThan(totalReconnectsBefore);
      assertThat(c.getConnectedUrl()).isNotEqualTo(first);
      cluster.node(victim).restart();
      cluster.awaitRoutes(Duration.ofSeconds(20));
    } finally {
      NatsConnections.release(c);
    }
  }

  @Test
  void slowConsumerIsCountedAndReported() throws Exception {
    Connection c = NatsConnections.acquire(settings("name", "slow-test", "shared", "false"));
    List<ConnectionEvent> slow = new CopyOnWriteArrayList<>();
    NatsConnections.addListener(c, e -> {
      if (e.type() == ConnectionEvent.Type.SLOW_CONSUMER) {
        slow.add(e);
      }
    });
    try {
      Subscription sub = c.subscribe("slow.test");
      sub.setPendingLimits(5, -1);
      for (int i = 0; i < 50; i++) {
        c.publish("slow.test", new byte[] {(byte) i});
      }
      c.flush(Duration.ofSeconds(5));

      await().atMost(Duration.ofSeconds(10)).until(() -> NatsConnections.stats(c).slowConsumers() >= 1);
      assertThat(slow).isNotEmpty();
      assertThat(slow.get(0).consumer()).containsSame(sub);
    } finally {
      NatsConnections.release(c);
    }
  }

  @Test
  void lameDuckNoticeIsCounted() {
    try (NatsCluster single = NatsCluster.builder().nodes(1).clusterName("lameduck").build()) {
      single.start();
      Connection c = NatsConnections.acquire(NatsSettings.from(single.clientConfig().with("shared", "false")));
      try {
        single.node(0).lameDuck();

        await().atMost(Duration.ofSeconds(10)).until(() -> NatsConnections.stats(c).lameDuck() >= 1);
      } finally {
        NatsConnections.release(c);
      }
    }
  }

  @Test
  void sharedConnectionClosedByTheClientLibraryIsReplacedAtTheNextAcquire() throws Exception {
    try (NatsCluster single = NatsCluster.builder().nodes(1).clusterName("giveup").build()) {
      single.start();
      NatsSettings s = NatsSettings.from(single.clientConfig().with("name", "give-up").with("reconnect.max", "0"));
      Connection first = NatsConnections.acquire(s);

      single.node(0).kill();
      await().atMost(Duration.ofSeconds(10)).until(() -> first.getStatus() == Connection.Status.CLOSED);
      single.node(0).restart();
      Connection second = NatsConnections.acquire(s);

      try {
        assertThat(second).isNotSameAs(first);
        assertThat(second.getStatus()).isEqualTo(Connection.Status.CONNECTED);
        assertThat(NatsConnections.users(first)).isEqualTo(1);
      } finally {
        NatsConnections.release(first);
        NatsConnections.release(second);
      }
      assertThat(NatsConnections.users(second)).isZero();
    }
  }

  @Test
  void releasingTwiceIsHarmless() {
    Connection c = NatsConnections.acquire(settings("name", "twice", "shared", "false"));
    NatsConnections.release(c);

    NatsConnections.release(c);

    assertThat(c.getStatus()).isEqualTo(Connection.Status.CLOSED);
    assertThrows(IllegalArgumentException.class, () -> NatsConnections.stats(c));
  }

  @Test
  void missingCredsFileIsABadSetting() {
    NatsSettings s = settings("creds", "/nonexistent/user.creds", "shared", "false");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NatsConnections.acquire(s));

    assertThat(e.getMessage()).contains("creds").contains("/nonexistent/user.creds");
  }
}
