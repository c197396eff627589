package io.micronats.nats.transport;

import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.TransportProvider;
import io.micronats.spi.transport.Transport;

/**
 * The {@value #NAME} transport plugin: creates {@link NatsTransport}s from a {@link PluginConfig}.
 *
 * <p>Stateless and thread-safe. Reads {@code addresses} and the credentials keys of the
 * connection settings, plus {@value NatsTransport#BACKLOG} and {@value NatsTransport#DIAL_GRACE}.
 */
public final class NatsTransportProvider implements TransportProvider {

  /** The plugin name. */
  public static final String NAME = "nats";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Transport create(PluginConfig config) {
    return NatsTransport.builder().config(config).build();
  }
}
