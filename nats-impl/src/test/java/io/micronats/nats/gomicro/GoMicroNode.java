package io.micronats.nats.gomicro;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One real nats-server for a go-micro interop test class, and the go-micro peer's side: a raw
 * jnats connection that replays the captured Go messages, with no micronats code in between.
 */
public abstract class GoMicroNode {

  /** How long a test waits for something that should happen at once. */
  protected static final Duration WAIT = Duration.ofSeconds(5);
  protected static NatsCluster cluster;

  @BeforeAll
  static void startNode() {
    cluster = NatsCluster.builder().nodes(1).build();
    cluster.start();
  }

  @AfterAll
  static void stopNode() {
    cluster.close();
  }

  /** Settings of a micronats plugin in profile go-micro, plus {@code more} key/value pairs. */
  protected static PluginConfig goMicro(String... more) {
    String[] all = new String[4 + more.length];
    all[0] = "addresses";
    all[1] = cluster.node(0).clientUrl();
    all[2] = "profile";
    all[3] = "go-micro";
    System.arraycopy(more, 0, all, 4, more.length);
    return PluginConfig.of(all);
  }

  /** The go-micro peer's raw jnats connection. */
  protected static Connection peer() throws Exception {
    return Nats.connect(new Options.Builder().server(cluster.node(0).clientUrl())
        .connectionTimeout(Duration.ofSeconds(5)).build());
  }
}
