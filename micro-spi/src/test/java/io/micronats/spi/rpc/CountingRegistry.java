package io.micronats.spi.rpc;

import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.Watcher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A registry that counts lookups and can ignore deregistrations (to keep dead nodes listed). */
final class CountingRegistry implements Registry {

  final AtomicInteger getServiceCalls = new AtomicInteger();
  final AtomicInteger watchCalls = new AtomicInteger();
  volatile boolean freezeDeregistrations;
  /** Lookups still to answer "not found" whatever is registered, as a query answered too late does. */
  final AtomicInteger lookupsToMiss = new AtomicInteger();
  /** Lookups still to answer with only the first node of each version, as a query that heard one instance does. */
  final AtomicInteger lookupsToTruncate = new AtomicInteger();
  /** Run once, after the next lookup has its answer and before it returns it (a change racing the answer). */
  final java.util.concurrent.atomic.AtomicReference<Runnable> beforeNextAnswer = new java.util.concurrent.atomic.AtomicReference<>();
  private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
  private final Registry delegate;

  CountingRegistry(Registry delegate) {
    this.delegate = delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public void register(Service service, RegisterOptions options) {
    delegate.register(service, options);
  }

  @Override
  public void deregister(Service service) {
    if (!freezeDeregistrations) {
      delegate.deregister(service);
    }
  }

  @Override
  public List<Service> getService(String name) {
    getServiceCalls.incrementAndGet();
    if (lookupsToMiss.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new ServiceNotFoundException("service '" + name + "' not found (a missed lookup, for the test)");
    }
    List<Service> found = delegate.getService(name);
    Runnable race = beforeNextAnswer.getAndSet(null);
    if (race != null) {
      race.run();
    }
    if (lookupsToTruncate.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return found.stream().map(v -> v.withNodes(v.nodes().subList(0, Math.min(1, v.nodes().size())))).toList();
    }
    return found;
  }

  @Override
  public List<Service> listServices() {
    return delegate.listServices();
  }

  @Override
  public Watcher watch() {
    watchCalls.incrementAndGet();
    Watcher watcher = delegate.watch();
    watchers.add(watcher);
    return watcher;
  }

  @Override
  public Watcher watch(String service) {
    watchCalls.incrementAndGet();
    Watcher watcher = delegate.watch(service);
    watchers.add(watcher);
    return watcher;
  }

  /** Stops every watcher handed out so far, as a backend failure would. */
  void killWatchers() {
    watchers.forEach(Watcher::stop);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
