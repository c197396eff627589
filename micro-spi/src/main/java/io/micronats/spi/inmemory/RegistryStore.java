package io.micronats.spi.inmemory;

import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.internal.Deadline;
import io.micronats.spi.registry.Endpoint;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.WatchEvent;
import io.micronats.spi.registry.WatchEvent.Action;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The services of one hub, shared by all its {@link InMemoryRegistry} instances: name, then
 * version, then node id, each node with its expiry time.
 *
 * <p>Thread-safe: one lock guards everything, and watch events are queued to watchers while it is
 * held, so every watcher sees every change in the one order they happened. No foreign code runs
 * under the lock (watcher queues are ours and unbounded).
 */
final class RegistryStore {

  private static final long NEVER = Long.MAX_VALUE;

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Map<String, Entry>> services = new TreeMap<>();
  private final List<MemoryWatcher> watchers = new ArrayList<>();

  /** One (name, version): its metadata, endpoints and nodes. */
  private static final class Entry {
    Map<String, String> metadata;
    List<Endpoint> endpoints;
    final LinkedHashMap<String, NodeEntry> nodes = new LinkedHashMap<>();

    Entry(Service service) {
      this.metadata = service.metadata();
      this.endpoints = service.endpoints();
    }
  }

  private record NodeEntry(Node node, long expiresAt) {}

  void register(Service service, @Nullable Duration ttl) {
    long now = System.nanoTime();
    long expiresAt = ttl == null ? NEVER : now + Math.min(Deadline.saturatedNanos(ttl), Long.MAX_VALUE / 4);
    lock.lock();
    try {
      prune(now);
      Map<String, Entry> versions = services.computeIfAbsent(service.name(), n -> new TreeMap<>());
      Entry entry = versions.get(service.version());
      boolean created = entry == null || (entry.nodes.isEmpty() && !service.nodes().isEmpty());
      if (entry == null) {
        entry = new Entry(service);
        versions.put(service.version(), entry);
      }
      boolean serviceChanged = !entry.metadata.equals(service.metadata())
          || !entry.endpoints.equals(service.endpoints());
      entry.metadata = service.metadata();
      entry.endpoints = service.endpoints();
      List<Node> changed = new ArrayList<>();
      for (Node node : service.nodes()) {
        NodeEntry old = entry.nodes.put(node.id(), new NodeEntry(node, expiresAt));
        if (old == null || !old.node().equals(node)) {
          changed.add(node);
        }
      }
      if (created) {
        emit(Action.CREATE, service.withNodes(nodes(entry)));
      } else if (!changed.isEmpty()) {
        emit(Action.UPDATE, service.withNodes(changed));
      } else if (serviceChanged) {
        emit(Action.UPDATE, service.withNodes(nodes(entry)));
      }
    } finally {
      lock.unlock();
    }
  }

  void deregister(Service service) {
    lock.lock();
    try {
      prune(System.nanoTime());
      Map<String, Entry> versions = services.get(service.name());
      Entry entry = versions == null ? null : versions.get(service.version());
      if (entry == null) {
        return;
      }
      List<Node> removed = new ArrayList<>();
      for (Node node : service.nodes()) {
        NodeEntry old = entry.nodes.remove(node.id());
        if (old != null) {
          removed.add(old.node());
        }
      }
      boolean gone = entry.nodes.isEmpty();
      if (gone) {
        removeVersion(service.name(), service.version());
      }
      if (gone || !removed.isEmpty()) {
        emit(Action.DELETE, toService(service.name(), service.version(), entry, removed));
      }
    } finally {
      lock.unlock();
    }
  }

  List<Service> getService(String name) {
    lock.lock();
    try {
      prune(System.nanoTime());
      Map<String, Entry> versions = services.get(name);
      if (versions == null || versions.isEmpty()) {
        throw new ServiceNotFoundException("service '" + name + "' not found");
      }
      List<Service> result = new ArrayList<>(versions.size());
      versions.forEach((version, entry) -> result.add(toService(name, version, entry, nodes(entry))));
      return List.copyOf(result);
    } finally {
      lock.unlock();
    }
  }

  List<Service> listServices() {
    lock.lock();
    try {
      prune(System.nanoTime());
      List<Service> result = new ArrayList<>();
      services.forEach((name, versions) -> versions.forEach((version, entry) ->
          result.add(toService(name, version, entry, nodes(entry)))));
      return List.copyOf(result);
    } finally {
      lock.unlock();
    }
  }

  /** Removes expired nodes now, telling watchers. */
  void pruneNow() {
    lock.lock();
    try {
      prune(System.nanoTime());
    } finally {
      lock.unlock();
    }
  }

  void addWatcher(MemoryWatcher watcher) {
    lock.lock();
    try {
      watchers.add(watcher);
    } finally {
      lock.unlock();
    }
  }

  void removeWatcher(MemoryWatcher watcher) {
    lock.lock();
    try {
      watchers.remove(watcher);
    } finally {
      lock.unlock();
    }
  }

  /** Under the lock: drops expired nodes, and versions left empty by expiry. */
  private void prune(long now) {
    Iterator<Map.Entry<String, Map<String, Entry>>> names = services.entrySet().iterator();
    while (names.hasNext()) {
      Map.Entry<String, Map<String, Entry>> named = names.next();
      Iterator<Map.Entry<String, Entry>> versions = named.getValue().entrySet().iterator();
      while (versions.hasNext()) {
        Map.Entry<String, Entry> versioned = versions.next();
        Entry entry = versioned.getValue();
        List<Node> expired = null;
        Iterator<NodeEntry> nodes = entry.nodes.values().iterator();
        while (nodes.hasNext()) {
          NodeEntry node = nodes.next();
          if (node.expiresAt() != NEVER && now - node.expiresAt() >= 0) {
            nodes.remove();
            if (expired == null) {
              expired = new ArrayList<>();
            }
            expired.add(node.node());
          }
        }
        if (expired != null) {
          if (entry.nodes.isEmpty()) {
            versions.remove();
          }
          emit(Action.DELETE, toService(named.getKey(), versioned.getKey(), entry, expired));
        }
      }
      if (named.getValue().isEmpty()) {
        names.remove();
      }
    }
  }

  private void removeVersion(String name, String version) {
    Map<String, Entry> versions = services.get(name);
    if (versions != null) {
      versions.remove(version);
      if (versions.isEmpty()) {
        services.remove(name);
      }
    }
  }

  private void emit(Action action, Service service) {
    if (watchers.isEmpty()) {
      return;
    }
    WatchEvent event = new WatchEvent(action, service);
    for (MemoryWatcher watcher : watchers) {
      if (watcher.accepts(service.name())) {
        watcher.enqueue(event);
      }
    }
  }

  private static List<Node> nodes(Entry entry) {
    List<Node> nodes = new ArrayList<>(entry.nodes.size());
    entry.nodes.values().forEach(n -> nodes.add(n.node()));
    return nodes;
  }

  private static Service toService(String name, String version, Entry entry, List<Node> nodes) {
    return new Service(name, version, entry.metadata, entry.endpoints, nodes);
  }
}
