package io.micronats.spi.plugin;

import io.micronats.spi.registry.Registry;

/**
 * A factory of {@link Registry}s, found by name through {@link java.util.ServiceLoader}.
 *
 * <p>Implementations are listed in {@code META-INF/services/io.micronats.spi.plugin.RegistryProvider},
 * have a public no-argument constructor, and are thread-safe.
 */
public interface RegistryProvider {

  /** The plugin's name, such as {@code nats} or {@code memory}: lower case, stable. */
  String name();

  /**
   * Creates a new, independent registry.
   *
   * @throws IllegalArgumentException when a setting in {@code config} is invalid; the message names it
   */
  Registry create(PluginConfig config);
}
