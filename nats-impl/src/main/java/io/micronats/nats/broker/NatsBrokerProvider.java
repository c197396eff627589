package io.micronats.nats.broker;

import io.micronats.spi.broker.Broker;
import io.micronats.spi.plugin.BrokerProvider;
import io.micronats.spi.plugin.PluginConfig;

/**
 * The {@value #NAME} broker plugin: creates {@link NatsBroker}s from a {@link PluginConfig}.
 *
 * <p>Stateless and thread-safe.
 */
public final class NatsBrokerProvider implements BrokerProvider {

  /** The plugin name. */
  public static final String NAME = "nats";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Broker create(PluginConfig config) {
    return NatsBroker.builder().config(config).build();
  }
}
