package io.micronats.nats.broker;

import io.micronats.nats.broker.gomicro.GoMicroBroker;
import io.micronats.nats.gomicro.WireProfiles;
import io.micronats.spi.broker.Broker;
import io.micronats.spi.plugin.BrokerProvider;
import io.micronats.spi.plugin.PluginConfig;

/**
 * The {@value #NAME} broker plugin: creates {@link NatsBroker}s from a {@link PluginConfig}, or,
 * with the setting {@code profile=go-micro} ({@code MICRO_BROKER_PROFILE=go-micro}), a
 * {@link GoMicroBroker} that speaks go-micro's envelope.
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
    return WireProfiles.isGoMicro(config) ? GoMicroBroker.create(config) : NatsBroker.builder().config(config).build();
  }
}
