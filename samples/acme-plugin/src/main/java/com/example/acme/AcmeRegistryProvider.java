package com.example.acme;

import io.micronats.spi.registry.Registry;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.plugin.RegistryProvider;

/** The "acme" registry: for this example, the in-memory registry of the SPI under another name. */
public final class AcmeRegistryProvider implements RegistryProvider {
  @Override
  public String name() {
    return "acme";
  }

  @Override
  public Registry create(PluginConfig config) {
    return Plugins.registry("memory", config);
  }
}
