package io.micronats.spi.inmemory;

import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.TransportProvider;
import io.micronats.spi.transport.Transport;

/**
 * The {@code memory} transport plugin: an {@link InMemoryTransport} on the hub named by the
 * {@code namespace} setting (default {@value InMemoryHub#DEFAULT_NAMESPACE}).
 *
 * <p>Stateless and thread-safe.
 */
public final class InMemoryTransportProvider implements TransportProvider {

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Transport create(PluginConfig config) {
    return InMemoryTransport.create(hubOf(config), config);
  }

  static InMemoryHub hubOf(PluginConfig config) {
    return InMemoryHub.named(config.get(PluginConfig.NAMESPACE, InMemoryHub.DEFAULT_NAMESPACE));
  }
}
