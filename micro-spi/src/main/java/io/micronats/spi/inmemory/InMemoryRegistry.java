package io.micronats.spi.inmemory;

import io.micronats.spi.ClosedException;
import io.micronats.spi.Names;
import io.micronats.spi.internal.NamedThreadFactory;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.Watcher;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Registry} kept in memory and shared by every registry of one {@link InMemoryHub}.
 *
 * <p>Thread-safe. Strict semantics: a service is identified by (name, version) and a node by its
 * id; registering merges nodes; re-registering an identical node only refreshes its TTL (no
 * event), a changed node is replaced ({@code UPDATE}), and the first node of a (name, version)
 * gives {@code CREATE}; deregistering removes the given nodes and the version with its last node
 * ({@code DELETE} with the removed nodes); nodes whose TTL runs out are removed within
 * {@code prune.interval} and watchers get {@code DELETE}; an unknown name is a
 * {@link io.micronats.spi.ServiceNotFoundException}. Watchers get every event, in the order the
 * changes happened, from an unbounded queue.
 *
 * <p>Lifecycle: usable as soon as created. The first register or watch starts one daemon thread
 * ({@code memory-registry-ttl-<n>}) that removes expired nodes; {@link #close()} stops it and this
 * registry's watchers, and leaves the registrations in the hub. After close, every method but
 * {@code close} throws {@link ClosedException}.
 *
 * <pre>{@code
 * InMemoryHub hub = InMemoryHub.create();
 * try (InMemoryRegistry registry = InMemoryRegistry.create(hub);
 *      Watcher watcher = registry.watch("greeter")) {
 *   registry.register(Service.of("greeter", "1.0", Node.of("g-1", "addr-1")), RegisterOptions.ttl(Duration.ofSeconds(1)));
 *   WatchEvent created = watcher.next(Duration.ofSeconds(1)).orElseThrow();   // CREATE
 *   WatchEvent expired = watcher.next(Duration.ofSeconds(3)).orElseThrow();   // DELETE after ~1 s
 * }
 * }</pre>
 */
public final class InMemoryRegistry implements Registry {

  /** Default interval of the expiry check: 100 milliseconds. */
  public static final Duration DEFAULT_PRUNE_INTERVAL = Duration.ofMillis(100);
  /** One factory per role, so thread numbers are unique in the JVM. */
  private static final NamedThreadFactory THREADS = new NamedThreadFactory("memory-registry-ttl");

  private final InMemoryHub hub;
  private final RegistryStore store;
  private final Duration pruneInterval;
  private final Set<MemoryWatcher> watchers = ConcurrentHashMap.newKeySet();
  private final Object lifecycle = new Object();
  private @Nullable ScheduledThreadPoolExecutor pruner;
  private volatile boolean closed;

  private InMemoryRegistry(InMemoryHub hub, PluginConfig config) {
    this.hub = Objects.requireNonNull(hub, "hub");
    this.store = hub.registry;
    this.pruneInterval = config.duration("prune.interval", DEFAULT_PRUNE_INTERVAL);
    if (pruneInterval.isZero() || pruneInterval.isNegative()) {
      throw new IllegalArgumentException("setting 'prune.interval' must be positive, was " + pruneInterval);
    }
  }

  /** A registry on {@code hub} with the default settings. */
  public static InMemoryRegistry create(InMemoryHub hub) {
    return create(hub, PluginConfig.empty());
  }

  /**
   * A registry on {@code hub} configured by {@code config} ({@code prune.interval}).
   *
   * @throws IllegalArgumentException naming the setting when one is invalid
   */
  public static InMemoryRegistry create(InMemoryHub hub, PluginConfig config) {
    return new InMemoryRegistry(hub, config);
  }

  @Override
  public String name() {
    return "memory";
  }

  /** The hub this registry shares. */
  public InMemoryHub hub() {
    return hub;
  }

  @Override
  public void register(Service service, RegisterOptions options) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(options, "options");
    ensureOpen();
    startPruner();
    store.register(service, options.ttl().orElse(null));
  }

  @Override
  public void deregister(Service service) {
    Objects.requireNonNull(service, "service");
    ensureOpen();
    store.deregister(service);
  }

  @Override
  public List<Service> getService(String name) {
    Names.requireServiceName(name);
    ensureOpen();
    return store.getService(name);
  }

  @Override
  public List<Service> listServices() {
    ensureOpen();
    return store.listServices();
  }

  @Override
  public Watcher watch() {
    return newWatcher(null);
  }

  @Override
  public Watcher watch(String service) {
    Names.requireServiceName(service);
    return newWatcher(service);
  }

  private Watcher newWatcher(@Nullable String service) {
    ensureOpen();
    startPruner();
    MemoryWatcher watcher = new MemoryWatcher(service, w -> {
      store.removeWatcher(w);
      watchers.remove(w);
    });
    watchers.add(watcher);
    store.addWatcher(watcher);
    if (closed) {
      watcher.stop();
      throw closedException();
    }
    return watcher;
  }

  @Override
  public void close() {
    ScheduledThreadPoolExecutor toStop;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      toStop = pruner;
      pruner = null;
    }
    for (MemoryWatcher watcher : List.copyOf(watchers)) {
      watcher.stop();
    }
    if (toStop != null) {
      toStop.shutdownNow();
      try {
        toStop.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "InMemoryRegistry[" + hub.namespace() + "]";
  }

  private void startPruner() {
    synchronized (lifecycle) {
      if (pruner != null || closed) {
        return;
      }
      ScheduledThreadPoolExecutor executor =
          new ScheduledThreadPoolExecutor(1, THREADS);
      executor.setRemoveOnCancelPolicy(true);
      long period = pruneInterval.toNanos();
      // The future is not kept: close() ends the task by shutting the executor down, and
      // pruneNow only takes a lock and drops expired entries (nothing in it throws).
      ScheduledFuture<?> unused =
          executor.scheduleWithFixedDelay(store::pruneNow, period, period, TimeUnit.NANOSECONDS);
      pruner = executor;
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw closedException();
    }
  }

  private ClosedException closedException() {
    return new ClosedException(this + " is closed");
  }
}
