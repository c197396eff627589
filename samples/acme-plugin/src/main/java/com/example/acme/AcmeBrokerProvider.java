package com.example.acme;

import io.micronats.spi.broker.Broker;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.plugin.BrokerProvider;

/** The "acme" broker: for this example, the in-memory broker of the SPI under another name. */
public final class AcmeBrokerProvider implements BrokerProvider {
  @Override
  public String name() {
    return "acme";
  }

  @Override
  public Broker create(PluginConfig config) {
    return Plugins.broker("memory", config);
  }
}
