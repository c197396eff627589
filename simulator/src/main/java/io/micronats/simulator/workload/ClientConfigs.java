package io.micronats.simulator.workload;

import io.micronats.spi.plugin.PluginConfig;

/**
 * Plugin settings for load-generating clients and extra participants, placed on the layout's
 * nodes. Thread-safe.
 */
@FunctionalInterface
public interface ClientConfigs {
  /**
   * Settings for a participant: {@code client} true places it round robin on the client nodes,
   * false on the service nodes; {@code index} picks the node; {@code name} names its connection
   * (participants with different names get different connections).
   */
  PluginConfig config(boolean client, int index, String name);
}
