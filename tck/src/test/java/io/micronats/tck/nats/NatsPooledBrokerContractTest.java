package io.micronats.tck.nats;

import static io.micronats.tck.Capability.WILDCARD_SUBSCRIPTIONS;

import io.micronats.nats.broker.NatsBroker;
import io.micronats.nats.cluster.NatsCluster;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.tck.TckTarget;
import io.micronats.tck.broker.BrokerContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The broker rules again with every subscription on the shared dispatcher and the delivery pool
 * ({@code delivery.dedicated=0}): {@link NatsContractTest} mostly sees the dedicated path, which
 * the first subscriptions of a broker take.
 */
class NatsPooledBrokerContractTest extends BrokerContract {

  private static final AtomicInteger NEXT = new AtomicInteger();
  private static NatsCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = NatsCluster.builder().nodes(2).build();
    cluster.start();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Override
  protected TckTarget target() {
    return TckTarget.of("nats-pooled", null, () -> NatsBroker.builder().config(nextNode()).build(), null)
        .withCapabilities(WILDCARD_SUBSCRIPTIONS);
  }

  private static PluginConfig nextNode() {
    String url = cluster.node(Math.floorMod(NEXT.getAndIncrement(), cluster.nodes().size())).clientUrl();
    return PluginConfig.of(PluginConfig.ADDRESSES, url, NatsBroker.DEDICATED_SUBSCRIPTIONS, "0");
  }
}
