package io.micronats.simulator.fleet;

import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.Watcher;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry a fake service's RPC server registers through: its plugin set's registry, except
 * that once the set has crashed ({@link PluginSet#crashed()}) registering and deregistering do
 * nothing, the way a killed process never deregisters and never refreshes, so nobody calls the
 * closed registry. A call that was already under way when the crash closed the registry fails
 * quietly (debug log) instead of throwing.
 *
 * <p>Thread-safe as the wrapped registry is. Lookups and watches go to the wrapped registry.
 */
final class CrashGatedRegistry implements Registry {
  private static final Logger LOG = LoggerFactory.getLogger(CrashGatedRegistry.class);
  private final PluginSet set;

  CrashGatedRegistry(PluginSet set) {
    this.set = set;
  }

  @Override
  public String name() {
    return set.registry().name();
  }

  @Override
  public void register(Service service, RegisterOptions options) {
    if (set.crashed()) {
      LOG.debug("{} crashed: not registering {}", set.label(), service.name());
      return;
    }
    try {
      set.registry().register(service, options);
    } catch (RuntimeException e) {
      if (!set.crashed()) {
        throw e;
      }
      LOG.debug("{} crashed while registering {}: {}", set.label(), service.name(), e.toString());
    }
  }

  @Override
  public void deregister(Service service) {
    if (set.crashed()) {
      LOG.debug("{} crashed: not deregistering {}", set.label(), service.name());
      return;
    }
    try {
      set.registry().deregister(service);
    } catch (RuntimeException e) {
      if (!set.crashed()) {
        throw e;
      }
      LOG.debug("{} crashed while deregistering {}: {}", set.label(), service.name(), e.toString());
    }
  }

  @Override
  public List<Service> getService(String name) {
    return set.registry().getService(name);
  }

  @Override
  public List<Service> listServices() {
    return set.registry().listServices();
  }

  @Override
  public Watcher watch() {
    return set.registry().watch();
  }

  @Override
  public Watcher watch(String service) {
    return set.registry().watch(service);
  }

  /** Does nothing: the plugin set owns the registry and closes it. */
  @Override
  public void close() {}
}
