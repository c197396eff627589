package io.micronats.nats.hostile;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One real nats-server for the hostile tests of a class, and a way to be the stranger: a raw
 * jnats connection on the same account, with no micronats code in between.
 */
abstract class OneNode {

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

  protected static PluginConfig settings() {
    return PluginConfig.of("addresses", cluster.node(0).clientUrl());
  }

  /** A stranger's raw jnats connection to the same server. */
  protected static Connection stranger() throws Exception {
    return Nats.connect(new Options.Builder().server(cluster.node(0).clientUrl())
        .connectionTimeout(Duration.ofSeconds(5)).build());
  }
}
