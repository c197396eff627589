package io.micronats.simulator.workload;

import io.micronats.simulator.cluster.RunBackend;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.spi.plugin.PluginConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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

  /**
   * Plugin settings placing each participant on the layout's nodes (round robin by index), with
   * the scenario's security and plugin settings, the run's namespace and {@code name} as the
   * connection name.
   */
  static ClientConfigs placed(Scenario s, @Nullable RunBackend backend, String namespace) {
    return (client, index, name) -> {
      List<Integer> nodes = client ? s.layout().clientNodes() : s.layout().serviceNodes();
      int node = nodes.get(Math.floorMod(index, nodes.size()));
      PluginConfig base = backend == null ? PluginConfig.empty() : backend.configForNode(node);
      Map<String, String> settings = new LinkedHashMap<>(base.settings());
      settings.putAll(s.layout().security().settings());
      settings.putAll(s.pluginSettings());
      settings.put(PluginConfig.NAMESPACE, namespace);
      settings.put("name", name);
      return new PluginConfig(settings);
    };
  }
}
