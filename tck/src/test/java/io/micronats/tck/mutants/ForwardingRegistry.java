package io.micronats.tck.mutants;

import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.Watcher;
import java.util.List;

/** A registry that forwards to another; a broken implementation overrides what it breaks. */
class ForwardingRegistry implements Registry {
  final Registry delegate;

  ForwardingRegistry(Registry delegate) {
    this.delegate = delegate;
  }

  /** Wraps every watcher. */
  Watcher watcher(Watcher watcher) {
    return watcher;
  }

  @Override public String name() {
    return delegate.name();
  }

  @Override public void register(Service service, RegisterOptions options) {
    delegate.register(service, options);
  }

  @Override public void deregister(Service service) {
    delegate.deregister(service);
  }

  @Override public List<Service> getService(String name) {
    return delegate.getService(name);
  }

  @Override public List<Service> listServices() {
    return delegate.listServices();
  }

  @Override public Watcher watch() {
    return watcher(delegate.watch());
  }

  @Override public Watcher watch(String service) {
    return watcher(delegate.watch(service));
  }

  @Override public void close() {
    delegate.close();
  }
}
