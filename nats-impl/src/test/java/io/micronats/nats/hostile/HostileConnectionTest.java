package io.micronats.nats.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronats.nats.cluster.AuthLayout;
import io.micronats.nats.cluster.NatsCluster;
import io.micronats.nats.connection.NatsConnectException;
import io.micronats.nats.connection.NatsConnections;
import io.micronats.nats.connection.NatsSettings;
import io.micronats.nats.transport.NatsTransport;
import io.micronats.spi.TransportException;
import io.micronats.spi.plugin.PluginConfig;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Finding 12: refused credentials fail fast, with the server's reason. */
class HostileConnectionTest {

  private static NatsCluster cluster;

  @BeforeAll
  static void start() {
    cluster = NatsCluster.builder().nodes(1).clusterName("refuse").auth(new AuthLayout.UserPassword("svc", "right")).build();
    cluster.start();
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static PluginConfig wrong() {
    return PluginConfig.of("addresses", "nats://127.0.0.1:" + URI.create(cluster.node(0).clientUrl()).getPort(),
        "user", "svc", "password", "wrong", "shared", "false");
  }

  @Test
  void wrongCredentialsFailWellUnderASecondWithTheServersReason() {
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      NatsConnectException e = assertThrows(NatsConnectException.class,
          () -> NatsConnections.acquire(NatsSettings.from(wrong())));
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(e).hasMessageContaining("Authorization Violation");
      assertThat(took).isLessThan(Duration.ofMillis(700));
    }
  }

  @Test
  void aTransportWithWrongCredentialsFailsFastWithATypedError() {
    try (NatsTransport t = NatsTransport.builder().config(wrong()).build()) {
      long start = System.nanoTime();
      TransportException e = assertThrows(TransportException.class, () -> t.listen(socket -> { }));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(700));
      assertThat(e).hasMessageContaining("Authorization Violation");
    }
  }

  /** Finding 10: after jnats closes its connection for good, calls fail typed, then recover. */
  @Test
  void afterTheClientLibraryGivesUpTheTransportFailsTypedAndRecoversWithTheCurrentSettings() throws Exception {
    PluginConfig right = PluginConfig.of("addresses", cluster.node(0).clientUrl(), "user", "svc", "password", "right",
        "shared", "false", NatsSettings.RECONNECT_MAX, "1", NatsSettings.RECONNECT_WAIT, "100ms",
        NatsSettings.CONNECT_TIMEOUT, "500ms");
    try (NatsTransport t = NatsTransport.builder().config(right).build();
         io.micronats.spi.transport.Listener before = t.serve(m -> m)) {
      cluster.node(0).stop();
      try {
        // Until jnats has given up: every failure meanwhile is one of micronats' typed exceptions.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
          try {
            t.serve(m -> m).close();
            return false;
          } catch (io.micronats.spi.MessagingException e) {
            return e.getMessage().contains("cannot connect");
          }
        });
      } finally {
        cluster.node(0).restart();
      }
      assertThat(before.isOpen()).as("a listener of the dead connection is closed").isFalse();
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptionsMatching(
          e -> e instanceof io.micronats.spi.MessagingException).until(() -> {
            try (io.micronats.spi.transport.Listener l = t.serve(m -> m);
                 io.micronats.spi.transport.Socket s = t.dial(l.address())) {
              s.send(io.micronats.spi.Message.of("back"));
              return s.receive(Duration.ofSeconds(2)).bodyAsString().equals("back");
            }
          });
    }
  }
}
