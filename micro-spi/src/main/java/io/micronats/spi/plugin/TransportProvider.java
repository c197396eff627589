package io.micronats.spi.plugin;

import io.micronats.spi.transport.Transport;

/**
 * A factory of {@link Transport}s, found by name through {@link java.util.ServiceLoader}.
 *
 * <p>Implementations are listed in {@code META-INF/services/io.micronats.spi.plugin.TransportProvider},
 * have a public no-argument constructor, and are thread-safe.
 */
public interface TransportProvider {

  /** The plugin's name, such as {@code nats} or {@code memory}: lower case, stable. */
  String name();

  /**
   * Creates a new, independent transport.
   *
   * @throws IllegalArgumentException when a setting in {@code config} is invalid; the message names it
   */
  Transport create(PluginConfig config);
}
