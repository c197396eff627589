package com.example.acme;

import io.micronats.spi.transport.Transport;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.plugin.TransportProvider;

/** The "acme" transport: for this example, the in-memory transport of the SPI under another name. */
public final class AcmeTransportProvider implements TransportProvider {
  @Override
  public String name() {
    return "acme";
  }

  @Override
  public Transport create(PluginConfig config) {
    return Plugins.transport("memory", config);
  }
}
