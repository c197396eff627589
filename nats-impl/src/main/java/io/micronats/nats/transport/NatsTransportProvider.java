package io.micronats.nats.transport;

import io.micronats.nats.gomicro.WireProfiles;
import io.micronats.nats.transport.gomicro.GoMicroTransport;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.TransportProvider;
import io.micronats.spi.transport.Transport;

/**
 * The {@value #NAME} transport plugin: creates {@link NatsTransport}s from a {@link PluginConfig}.
 *
 * <p>Stateless and thread-safe. Reads {@code addresses} and the credentials keys of the
 * connection settings, plus {@value NatsTransport#BACKLOG} and {@value NatsTransport#DIAL_GRACE}.
 * With {@code profile=go-micro} ({@code MICRO_TRANSPORT_PROFILE=go-micro}) it creates a
 * {@link GoMicroTransport}, which speaks go-micro's wire.
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
    return WireProfiles.isGoMicro(config) ? GoMicroTransport.create(config) : NatsTransport.builder().config(config).build();
  }
}
