package io.micronats.nats.registry;

import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.RegistryProvider;
import io.micronats.spi.registry.Registry;

/**
 * The {@value #NAME} registry plugin: creates {@link NatsRegistry}s from a {@link PluginConfig}
 * and connects them at once when NATS is reachable (so they hear watch events from the start).
 *
 * <p>Stateless and thread-safe.
 */
public final class NatsRegistryProvider implements RegistryProvider {

  /** The plugin name. */
  public static final String NAME = "nats";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Registry create(PluginConfig config) {
    return NatsRegistry.builder().config(config).build().startQuietly();
  }
}
