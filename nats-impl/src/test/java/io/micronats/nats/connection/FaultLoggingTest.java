package io.micronats.nats.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a fault looks like in the log: one WARN per fault. (jnats' listener callbacks still run on
 * its unnamed default threads: naming them lost the server's refusal reason, see NatsOptionsFactory.)
 */
class FaultLoggingTest {
  @Test
  void aKilledServerWarnsOnceForAllItsConnections() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    List<Connection> connections = new ArrayList<>();
    try (NatsCluster single = NatsCluster.builder().nodes(1).clusterName("faultlog").build()) {
      single.start();
      NatsSettings s = NatsSettings.from(PluginConfig.of("addresses", single.node(0).clientUrl(),
          "name", "faultlog", "shared", "false", "reconnect.wait", "100ms"));
      for (int i = 0; i < 4; i++) {
        connections.add(NatsConnections.acquire(s));
      }
      System.setErr(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));

      single.node(0).kill();
      await().atMost(Duration.ofSeconds(20)).until(() ->
          connections.stream().allMatch(c -> NatsConnections.stats(c).disconnects() >= 1));
    } finally {
      System.setErr(original);
      connections.forEach(NatsConnections::release);
    }

    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log.lines().filter(l -> l.contains("WARN") && l.contains("disconnected from"))).hasSize(1);
    assertThat(log.lines().filter(l -> l.contains("DEBUG") && l.contains("disconnected from")).count())
        .as("the other connections' disconnections are not warned").isLessThanOrEqualTo(3);
  }

  /** Writes to the real stream and to a capture. */
  private static final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream a;
    private final java.io.OutputStream b;

    TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int c) throws java.io.IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }
}
