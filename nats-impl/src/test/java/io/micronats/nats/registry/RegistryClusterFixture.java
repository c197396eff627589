package io.micronats.nats.registry;

import io.micronats.nats.ThreeNodeCluster;
import java.time.Duration;

/**
 * The registry tests' {@link ThreeNodeCluster}: registries built with {@link #on(int)} each have
 * their own connection to one node, so the instances of one test can sit on different nodes.
 */
abstract class RegistryClusterFixture extends ThreeNodeCluster {

  /** The longest any test waits for something to happen. */
  static final Duration WAIT = Duration.ofSeconds(15);

  /** A registry builder connected to {@code node} only, through an unshared connection. */
  static NatsRegistry.Builder on(int node) {
    return NatsRegistry.builder().config(clientOf(node).with("shared", "false"));
  }
}
