package io.micronats.spi.inmemory;

import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.RegistryProvider;
import io.micronats.spi.registry.Registry;

/**
 * The {@code memory} registry plugin: an {@link InMemoryRegistry} on the hub named by the
 * {@code namespace} setting (default {@value InMemoryHub#DEFAULT_NAMESPACE}).
 *
 * <p>Stateless and thread-safe.
 */
public final class InMemoryRegistryProvider implements RegistryProvider {

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public Registry create(PluginConfig config) {
    return InMemoryRegistry.create(InMemoryTransportProvider.hubOf(config), config);
  }
}
