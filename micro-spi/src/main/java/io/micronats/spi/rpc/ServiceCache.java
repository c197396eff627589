package io.micronats.spi.rpc;

import io.micronats.spi.ClosedException;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.internal.Deadline;
import io.micronats.spi.internal.NamedThreadFactory;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.WatchEvent;
import io.micronats.spi.registry.Watcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The client's view of the registry: the nodes of each service looked up so far, kept current by
 * one registry watcher, so that repeated lookups never query the registry.
 *
 * <p>Thread-safe. The first lookup of a name starts the watcher (if not running) and then calls
 * {@code getService}; events arriving before that answer are kept and replayed on top of it, so
 * nothing is missed. A name without nodes (unknown, or its last node gone) is cached as such for
 * at most {@link #EMPTY_RECHECK}: the next lookup after that asks the registry again (one caller
 * asks, the others wait for its answer). The watcher alone cannot be trusted to bring such a name
 * back: it reports changes, not the state, and a lookup can miss nodes that exist (a registry
 * query answered too late on a loaded machine looks exactly like an unknown name); caching that
 * for good made every later call of the service fail. For the same reason a name with nodes is
 * asked about again every {@link #REFRESH}, in the background (on one of the JVM's two shared
 * {@code rpc-client-refresh-<n>} daemon threads, so no call waits for it), and the nodes it had
 * missed are added; the answer never removes a node (only watch events do), and never brings back
 * one a watch event removed after the refresh began. If the watcher fails, the cache is dropped
 * and the next lookups start over. One daemon
 * thread ({@code rpc-client-watch-<n>}) reads the watcher; lookups take no lock but the entry's
 * own, which is never held while calling the registry.
 */
final class ServiceCache implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(ServiceCache.class.getName());
  private static final ThreadFactory THREADS = new NamedThreadFactory("rpc-client-watch");
  /** How long a name without nodes is answered from the cache before the registry is asked again. */
  static final Duration EMPTY_RECHECK = Duration.ofMillis(500);
  /** How long a name with nodes is answered from the cache before the registry is asked again. */
  static final Duration REFRESH = Duration.ofSeconds(60);
  /** Runs the refreshes of every cache in the JVM; idle threads end. */
  private static final ThreadPoolExecutor REFRESHER = refresher();

  private final Registry registry;
  private final Consumer<String> onAddressGone;
  private final long emptyRecheckNanos;
  private final long refreshNanos;
  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicReference<@Nullable WatchLoop> loop = new AtomicReference<>();
  /** Incremented whenever a watcher dies; entries of older generations are not trusted. */
  private final AtomicLong generation = new AtomicLong();
  private volatile boolean closed;

  ServiceCache(Registry registry, Consumer<String> onAddressGone) {
    this(registry, onAddressGone, EMPTY_RECHECK, REFRESH);
  }

  /**
   * A cache that asks the registry again about a name without nodes after {@code emptyRecheck},
   * and about one with nodes after {@code refresh}.
   */
  ServiceCache(Registry registry, Consumer<String> onAddressGone, Duration emptyRecheck, Duration refresh) {
    this.registry = registry;
    this.onAddressGone = onAddressGone;
    this.emptyRecheckNanos = emptyRecheck.toNanos();
    this.refreshNanos = refresh.toNanos();
  }

  /**
   * The nodes of {@code service} (all versions), possibly empty.
   *
   * @throws OperationTimeoutException when another caller's lookup does not finish in time
   */
  List<Node> nodes(String service, Deadline deadline) throws InterruptedException {
    Entry entry = entries.get(service);
    if (entry != null && entry.loaded.isDone()) {
      if (entry.generation != generation.get()) {
        entries.remove(service, entry); // made under a watcher that has died since: not kept current
      } else {
        List<Node> nodes = entry.nodes;
        long now = System.nanoTime();
        if (!nodes.isEmpty()) {
          if (entry.claimRecheck(now, refreshNanos)) {
            REFRESHER.execute(() -> refresh(entry, now));
          }
          return nodes;
        }
        if (!entry.claimRecheck(now, emptyRecheckNanos)) {
          return nodes;
        }
        // No node, and not asked for a while: ask the registry again, in place of this entry.
        Entry fresh = new Entry(service, entry.generation);
        if (entries.replace(service, entry, fresh)) {
          return query(fresh, entry);
        }
      }
    }
    return load(service, deadline);
  }

  /** The cached services of {@code name} (all versions), looking it up first if needed. */
  List<Service> services(String name, Deadline deadline) throws InterruptedException {
    nodes(name, deadline);
    Entry entry = entries.get(name);
    return entry == null ? List.of() : entry.services();
  }

  private List<Node> load(String service, Deadline deadline) throws InterruptedException {
    long current = generation.get(); // read before: a watcher dying after this makes the entry stale
    ensureWatching();
    Entry fresh = new Entry(service, current);
    Entry existing = entries.putIfAbsent(service, fresh);
    if (existing != null) {
      return awaitLoaded(existing, deadline);
    }
    return query(fresh, null);
  }

  /**
   * Asks the registry for the nodes of {@code fresh}, which is in the map and not loaded yet. When
   * the registry fails, {@code previous} (the empty entry being rechecked) is put back, so that
   * the next recheck still waits its turn, and the failure is thrown.
   */
  private List<Node> query(Entry fresh, @Nullable Entry previous) {
    List<Service> found;
    try {
      found = registry.getService(fresh.name);
    } catch (ServiceNotFoundException notFound) {
      found = List.of();
    } catch (RuntimeException e) {
      if (previous == null) {
        entries.remove(fresh.name, fresh);
      } else {
        previous.rechecked(System.nanoTime());
        entries.replace(fresh.name, fresh, previous);
      }
      fresh.loaded.completeExceptionally(e);
      throw e;
    }
    List<String> gone = fresh.install(found, System.nanoTime());
    gone.forEach(onAddressGone);
    return fresh.nodes;
  }

  /**
   * Asks the registry again about {@code entry}, which has nodes, and adds those it lacked; on a
   * refresh thread. A failed answer keeps the entry as it is: it has nodes to call.
   */
  private void refresh(Entry entry, long startedAt) {
    try {
      if (!closed) {
        entry.merge(registry.getService(entry.name), startedAt);
        return;
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "refreshing service ''{0}'' failed: {1}", entry.name, e.toString());
    }
    entry.rechecked(System.nanoTime());
  }

  private static ThreadPoolExecutor refresher() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        new NamedThreadFactory("rpc-client-refresh"));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static List<Node> awaitLoaded(Entry entry, Deadline deadline) throws InterruptedException {
    try {
      entry.loaded.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
      return entry.nodes;
    } catch (TimeoutException e) {
      throw new OperationTimeoutException("lookup of service '" + entry.name + "'",
          Duration.ofNanos(deadline.remainingNanos()));
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r
          : new IllegalStateException("lookup of service '" + entry.name + "' failed", e.getCause());
    }
  }

  private void ensureWatching() {
    if (loop.get() != null) {
      return;
    }
    if (closed) {
      throw new ClosedException("RPC client is closed");
    }
    Watcher watcher = registry.watch();
    WatchLoop candidate = new WatchLoop(watcher);
    if (!loop.compareAndSet(null, candidate)) {
      watcher.stop();
      return;
    }
    THREADS.newThread(candidate).start();
    if (closed) {
      candidate.watcher.stop();
    }
  }

  private void apply(WatchEvent event) {
    Entry entry = entries.get(event.service().name());
    if (entry != null) {
      entry.apply(event).forEach(onAddressGone);
    }
  }

  @Override
  public void close() {
    closed = true;
    WatchLoop current = loop.getAndSet(null);
    if (current != null) {
      current.watcher.stop();
    }
    entries.clear();
  }

  /** Reads the watcher until it is stopped or fails. */
  private final class WatchLoop implements Runnable {
    final Watcher watcher;

    WatchLoop(Watcher watcher) {
      this.watcher = watcher;
    }

    @Override
    public void run() {
      try {
        while (!closed && loop.get() == this) {
          Optional<WatchEvent> event = watcher.next(Duration.ofSeconds(1));
          event.ifPresent(ServiceCache.this::apply);
        }
      } catch (InterruptedException e) {
        LOG.log(System.Logger.Level.DEBUG, "registry watch interrupted");
      } catch (RuntimeException e) {
        // The thread boundary: without a watcher the cache may go stale, so drop it.
        if (!closed) {
          LOG.log(System.Logger.Level.WARNING, "registry watch failed; lookups start over", e);
        }
      } finally {
        watcher.stop();
        if (loop.compareAndSet(this, null)) {
          generation.incrementAndGet();
          entries.clear();
        }
      }
    }
  }

  /** One service: its nodes by version and id, and the flat node list lookups return. */
  private static final class Entry {
    final String name;
    final long generation;
    final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private final Map<String, LinkedHashMap<String, Node>> versions = new TreeMap<>();
    private final Map<String, Service> templates = new TreeMap<>();
    private @Nullable List<WatchEvent> pending = new ArrayList<>();
    volatile List<Node> nodes = List.of();
    /** When the registry was last asked (nanoTime); set when loaded. */
    private volatile long askedAt;
    private final AtomicBoolean rechecking = new AtomicBoolean();
    private static final int MAX_REMOVED = 1024;
    /** When watch events removed nodes (nanoTime by node id), so that a refresh does not bring them back. */
    private final Map<String, Long> removedAt = new LinkedHashMap<>();

    Entry(String name, long generation) {
      this.name = name;
      this.generation = generation;
    }

    /**
     * True for the one caller that should ask the registry again about this entry, which has no
     * node: the first to come at least {@code afterNanos} after the registry was last asked.
     */
    boolean claimRecheck(long now, long afterNanos) {
      return now - askedAt >= afterNanos && rechecking.compareAndSet(false, true);
    }

    /** Notes a recheck that failed: the next one waits its turn again. */
    void rechecked(long now) {
      askedAt = now;
      rechecking.set(false);
    }

    /** Sets the registry's answer, replays the events seen meanwhile; returns addresses gone. */
    synchronized List<String> install(List<Service> services, long now) {
      askedAt = now;
      for (Service service : services) {
        templates.put(service.version(), service.withNodes(List.of()));
        LinkedHashMap<String, Node> byId = versions.computeIfAbsent(service.version(), v -> new LinkedHashMap<>());
        service.nodes().forEach(n -> byId.put(n.id(), n));
      }
      List<String> gone = new ArrayList<>();
      List<WatchEvent> replay = pending == null ? List.of() : pending;
      pending = null;
      replay.forEach(e -> gone.addAll(applyLocked(e)));
      publish();
      loaded.complete(null);
      return gone;
    }

    /**
     * Adds the nodes of a later registry answer that this entry lacks, except those a watch event
     * removed after {@code startedAt} (the answer may predate their removal).
     */
    synchronized void merge(List<Service> services, long startedAt) {
      removedAt.values().removeIf(t -> t < startedAt); // older removals cannot be in this answer
      for (Service service : services) {
        templates.putIfAbsent(service.version(), service.withNodes(List.of()));
        LinkedHashMap<String, Node> byId = versions.computeIfAbsent(service.version(), v -> new LinkedHashMap<>());
        service.nodes().stream().filter(n -> !removedAt.containsKey(n.id())).forEach(n -> byId.putIfAbsent(n.id(), n));
      }
      publish();
      rechecked(System.nanoTime());
    }

    synchronized List<String> apply(WatchEvent event) {
      if (pending != null) {
        pending.add(event);
        return List.of();
      }
      List<String> gone = applyLocked(event);
      publish();
      return gone;
    }

    synchronized List<Service> services() {
      List<Service> out = new ArrayList<>();
      versions.forEach((version, byId) -> {
        Service template = templates.get(version);
        if (template != null) {
          out.add(template.withNodes(new ArrayList<>(byId.values())));
        }
      });
      return out;
    }

    private List<String> applyLocked(WatchEvent event) {
      Service service = event.service();
      String version = service.version();
      switch (event.action()) {
        case CREATE, UPDATE -> {
          templates.put(version, service.withNodes(List.of()));
          LinkedHashMap<String, Node> byId = versions.computeIfAbsent(version, v -> new LinkedHashMap<>());
          service.nodes().forEach(n -> byId.put(n.id(), n));
          return List.of();
        }
        case DELETE -> {
          LinkedHashMap<String, Node> byId = versions.get(version);
          if (byId == null) {
            return List.of();
          }
          List<String> gone = new ArrayList<>();
          long now = System.nanoTime();
          for (Node node : service.nodes()) {
            if (removedAt.size() >= MAX_REMOVED) {
              removedAt.remove(removedAt.keySet().iterator().next()); // bounded: forget the oldest
            }
            removedAt.put(node.id(), now);
            Node removed = byId.remove(node.id());
            if (removed != null) {
              gone.add(removed.address());
            }
          }
          if (byId.isEmpty()) {
            versions.remove(version);
            templates.remove(version);
          }
          return gone;
        }
        default -> throw new IllegalStateException("unknown action " + event.action());
      }
    }

    private void publish() {
      List<Node> flat = new ArrayList<>();
      versions.values().forEach(byId -> flat.addAll(byId.values()));
      nodes = List.copyOf(flat);
    }
  }
}
