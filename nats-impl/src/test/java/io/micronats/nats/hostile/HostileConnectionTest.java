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
}
