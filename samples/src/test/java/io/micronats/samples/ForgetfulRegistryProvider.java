package io.micronats.samples;

import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.plugin.RegistryProvider;
import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.Watcher;
import java.util.List;
import java.util.Objects;

/**
 * A registry plugin named {@code forgetful} whose deregister does nothing, so the TCK writes a
 * report with failed rules; listed only in the jar {@link TckReportRoundTripTest} builds.
 */
public final class ForgetfulRegistryProvider implements RegistryProvider {

  @Override
  public String name() {
    return "forgetful";
  }

  @Override
  public Registry create(PluginConfig config) {
    Registry memory = Plugins.registry("memory", config.with(PluginConfig.NAMESPACE, "forgetful"));
    return new Registry() {
      @Override
      public String name() {
        return "forgetful";
      }

      @Override
      public void register(Service service, RegisterOptions options) {
        memory.register(service, options);
      }

      @Override
      public void deregister(Service service) {
        Objects.requireNonNull(service, "service");
      }

      @Override
      public List<Service> getService(String name) {
        return memory.getService(name);
      }

      @Override
      public List<Service> listServices() {
        return memory.listServices();
      }

      @Override
      public Watcher watch() {
        return memory.watch();
      }

      @Override
      public Watcher watch(String service) {
        return memory.watch(service);
      }

      @Override
      public void close() {
        memory.close();
      }
    };
  }
}
