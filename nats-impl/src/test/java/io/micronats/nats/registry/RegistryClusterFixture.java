package io.micronats.nats.registry;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.spi.plugin.PluginConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A real 3-node NATS cluster for the registry tests of one class: started before the class's first
 * test and closed after its last. Registries built with {@link #on(int)} each have their own
 * connection to one node, so the instances of one test can sit on different nodes.
 */
abstract class RegistryClusterFixture {

  /** The longest any test waits for something to happen. */
  static final Duration WAIT = Duration.ofSeconds(15);
  static NatsCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = NatsCluster.builder().nodes(3).build();
    cluster.start();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  /** A registry builder connected to {@code node} only, through an unshared connection. */
  static NatsRegistry.Builder on(int node) {
    return NatsRegistry.builder().config(PluginConfig.of("addresses", cluster.node(node).clientUrl(), "shared", "false"));
  }
}
