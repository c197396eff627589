package io.micronats.nats;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.spi.plugin.PluginConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A real 3-node NATS cluster for the tests of one class: started before the class's first test
 * and closed after its last (test classes run one at a time, so the field is never shared).
 */
public abstract class ThreeNodeCluster {

  protected static NatsCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = NatsCluster.builder().nodes(3).build();
    cluster.start();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  /** Settings of a client of {@code node} only. */
  protected static PluginConfig clientOf(int node) {
    return PluginConfig.of("addresses", cluster.node(node).clientUrl());
  }
}
