package io.micronats.tck.runner;

import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.plugin.RegistryProvider;
import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.Watcher;
import java.util.List;

/**
 * A registry plugin named {@code broken} whose deregister keeps the nodes; listed only in a jar
 * that {@link TckMainTest} builds, to prove {@code --jar} loading and a NOT_COMPATIBLE verdict.
 */
public final class BrokenRegistryProvider implements RegistryProvider {

  @Override public String name() {
    return "broken";
  }

  @Override public Registry create(PluginConfig config) {
    Registry d = Plugins.registry("memory", config.with(PluginConfig.NAMESPACE, "broken-plugin"));
    return new Registry() {
      @Override public String name() {
        return "broken";
      }

      @Override public void register(Service service, RegisterOptions options) {
        d.register(service, options);
      }

      @Override public void deregister(Service service) {
        java.util.Objects.requireNonNull(service, "service");
      }

      @Override public List<Service> getService(String name) {
        return d.getService(name);
      }

      @Override public List<Service> listServices() {
        return d.listServices();
      }

      @Override public Watcher watch() {
        return d.watch();
      }

      @Override public Watcher watch(String service) {
        return d.watch(service);
      }

      @Override public void close() {
        d.close();
      }
    };
  }
}
