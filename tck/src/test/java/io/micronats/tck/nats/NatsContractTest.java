package io.micronats.tck.nats;

import static io.micronats.tck.Capability.BACKEND_RESTART;
import static io.micronats.tck.Capability.EXCLUSIVE_LISTEN;
import static io.micronats.tck.Capability.REGISTRY_TTL;
import static io.micronats.tck.Capability.WILDCARD_SUBSCRIPTIONS;

import io.micronats.nats.broker.NatsBrokerProvider;
import io.micronats.nats.cluster.NatsCluster;
import io.micronats.nats.cluster.NatsNode;
import io.micronats.nats.registry.NatsRegistryProvider;
import io.micronats.nats.transport.NatsTransportProvider;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.tck.BackendControl;
import io.micronats.tck.MicronatsTck;
import io.micronats.tck.TckTarget;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The positive control for NATS: every TCK suite against the {@code nats} transport, broker and
 * registry on a real 3-node {@link NatsCluster}.
 *
 * <p>Each new instance connects to the next node in turn, so the instances of one rule sit on
 * different nodes and their traffic crosses routes. The backend control stops and restarts the
 * whole cluster (a real outage: no node left to fail over to), which is what the outage rules
 * need; clients reconnect by themselves when it is back.
 */
class NatsContractTest extends MicronatsTck {

  private static final Duration ROUTES = Duration.ofSeconds(30);
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static NatsCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = NatsCluster.builder().nodes(3).build();
    cluster.start();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Override
  protected TckTarget target() {
    NatsTransportProvider transports = new NatsTransportProvider();
    NatsBrokerProvider brokers = new NatsBrokerProvider();
    NatsRegistryProvider registries = new NatsRegistryProvider();
    return TckTarget.of("nats",
            () -> transports.create(nextNode()),
            () -> brokers.create(nextNode()),
            () -> registries.create(nextNode()))
        .withCapabilities(EXCLUSIVE_LISTEN, WILDCARD_SUBSCRIPTIONS, REGISTRY_TTL, BACKEND_RESTART)
        .withBackendControl(new WholeCluster());
  }

  /** The settings of a client of the next node in turn (jnats discovers the others). */
  private static PluginConfig nextNode() {
    NatsNode node = cluster.node(Math.floorMod(NEXT.getAndIncrement(), cluster.nodes().size()));
    return PluginConfig.of(PluginConfig.ADDRESSES, node.clientUrl());
  }

  /** Stops every node (nothing left to fail over to) and starts them again on the same ports. */
  private static final class WholeCluster implements BackendControl {
    @Override
    public void stop() {
      for (NatsNode node : cluster.nodes()) {
        node.kill();
      }
    }

    @Override
    public void start() {
      for (NatsNode node : cluster.nodes()) {
        node.restart();
      }
      cluster.awaitRoutes(ROUTES);
    }
  }
}
