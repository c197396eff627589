package io.micronats.spi.inmemory;

import io.micronats.spi.broker.Broker;
import io.micronats.spi.plugin.BrokerProvider;
import io.micronats.spi.plugin.PluginConfig;

/**
 * The {@code memory} broker plugin: an {@link InMemoryBroker} on the hub named by the
 * {@code namespace} setting (default {@value InMemoryHub#DEFAULT_NAMESPACE}).
 *
 * <p>Stateless and thread-safe.
 */
public final class InMemoryBrokerProvider implements BrokerProvider {

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Broker create(PluginConfig config) {
    return InMemoryBroker.create(InMemoryTransportProvider.hubOf(config), config);
  }
}
