package io.micronats.spi.plugin;

import io.micronats.spi.broker.Broker;

/**
 * A factory of {@link Broker}s, found by name through {@link java.util.ServiceLoader}.
 *
 * <p>Implementations are listed in {@code META-INF/services/io.micronats.spi.plugin.BrokerProvider},
 * have a public no-argument constructor, and are thread-safe.
 */
public interface BrokerProvider {

  /** The plugin's name, such as {@code nats} or {@code memory}: lower case, stable. */
  String name();

  /**
   * Creates a new, independent broker (not yet connected).
   *
   * @throws IllegalArgumentException when a setting in {@code config} is invalid; the message names it
   */
  Broker create(PluginConfig config);
}
