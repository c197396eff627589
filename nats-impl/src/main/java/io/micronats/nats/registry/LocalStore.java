package io.micronats.nats.registry;

import io.micronats.spi.registry.Endpoint;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.WatchEvent.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The services registered through one {@link NatsRegistry}: name, then version, then node id,
 * each node with its expiry time. These are what the instance answers queries with.
 *
 * <p>Thread-safe: every method is synchronized and calls no foreign code.
 */
final class LocalStore {

  static final long NEVER = Long.MAX_VALUE;

  private final Map<String, Map<String, Entry>> services = new TreeMap<>();
  /** No node expires before this (nanoTime), so {@link #expire} returns at once until then. */
  private long nextExpiry = NEVER;

  private static final class Entry {
    Map<String, String> metadata;
    List<Endpoint> endpoints;
    final LinkedHashMap<String, NodeEntry> nodes = new LinkedHashMap<>();

    Entry(Service s) {
      metadata = s.metadata();
      endpoints = s.endpoints();
    }
  }

  private record NodeEntry(Node node, long expiresAt, long ttlMillis) {}

  /** A change to announce: the action, and the service with the nodes concerned. */
  record Change(Action action, Service service) {}

  /**
   * Registers; returns the change to announce, or {@code null} for a pure refresh (same nodes,
   * metadata and endpoints: a heartbeat).
   */
  synchronized @Nullable Change register(Service service, long ttlMillis, long now) {
    long expiresAt = ttlMillis <= 0 ? NEVER : now + ttlMillis * 1_000_000L;
    if (expiresAt != NEVER && (nextExpiry == NEVER || expiresAt - nextExpiry < 0)) {
      nextExpiry = expiresAt;
    }
    Map<String, Entry> versions = services.computeIfAbsent(service.name(), n -> new TreeMap<>());
    Entry entry = versions.get(service.version());
    boolean created = entry == null || (entry.nodes.isEmpty() && !service.nodes().isEmpty());
    if (entry == null) {
      entry = new Entry(service);
      versions.put(service.version(), entry);
    }
    boolean serviceChanged = !entry.metadata.equals(service.metadata()) || !entry.endpoints.equals(service.endpoints());
    entry.metadata = service.metadata();
    entry.endpoints = service.endpoints();
    List<Node> changed = new ArrayList<>();
    for (Node node : service.nodes()) {
      NodeEntry old = entry.nodes.put(node.id(), new NodeEntry(node, expiresAt, Math.max(ttlMillis, 0)));
      if (old == null || !old.node().equals(node)) {
        changed.add(node);
      }
    }
    if (created) {
      return new Change(Action.CREATE, toService(service.name(), service.version(), entry, nodes(entry)));
    }
    if (!changed.isEmpty()) {
      return new Change(Action.UPDATE, service.withNodes(changed));
    }
    if (serviceChanged) {
      return new Change(Action.UPDATE, toService(service.name(), service.version(), entry, nodes(entry)));
    }
    return null;
  }

  /** Removes the given nodes; returns the DELETE to announce, or {@code null} when nothing changed. */
  synchronized @Nullable Change deregister(Service service) {
    Map<String, Entry> versions = services.get(service.name());
    Entry entry = versions == null ? null : versions.get(service.version());
    if (entry == null) {
      return null;
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
      versions.remove(service.version());
      if (versions.isEmpty()) {
        services.remove(service.name());
      }
    }
    if (gone || !removed.isEmpty()) {
      return new Change(Action.DELETE, toService(service.name(), service.version(), entry, removed));
    }
    return null;
  }

  /** Removes nodes whose TTL ran out; returns one DELETE per affected version. */
  synchronized List<Change> expire(long now) {
    if (nextExpiry == NEVER || now - nextExpiry < 0) {
      return List.of(); // nothing can have expired: no scan at every sweep
    }
    long next = NEVER;
    List<Change> changes = new ArrayList<>();
    var names = services.entrySet().iterator();
    while (names.hasNext()) {
      var named = names.next();
      var versions = named.getValue().entrySet().iterator();
      while (versions.hasNext()) {
        var versioned = versions.next();
        Entry entry = versioned.getValue();
        List<Node> expired = new ArrayList<>();
        var nodes = entry.nodes.values().iterator();
        while (nodes.hasNext()) {
          NodeEntry n = nodes.next();
          if (n.expiresAt() != NEVER && now - n.expiresAt() >= 0) {
            nodes.remove();
            expired.add(n.node());
          } else if (n.expiresAt() != NEVER && (next == NEVER || n.expiresAt() - next < 0)) {
            next = n.expiresAt();
          }
        }
        if (!expired.isEmpty()) {
          if (entry.nodes.isEmpty()) {
            versions.remove();
          }
          changes.add(new Change(Action.DELETE, toService(named.getKey(), versioned.getKey(), entry, expired)));
        }
      }
      if (named.getValue().isEmpty()) {
        names.remove();
      }
    }
    nextExpiry = next;
    return changes;
  }

  /** The versions of {@code name} (all names when {@code null}), each with its nodes. */
  synchronized List<Service> services(@Nullable String name) {
    List<Service> out = new ArrayList<>();
    services.forEach((n, versions) -> {
      if (name == null || name.equals(n)) {
        versions.forEach((v, entry) -> out.add(toService(n, v, entry, nodes(entry))));
      }
    });
    return out;
  }

  /** The smallest TTL, in milliseconds, among the nodes of (name, version); 0 when none has one. */
  synchronized long ttlMillis(String name, String version) {
    Map<String, Entry> versions = services.get(name);
    Entry entry = versions == null ? null : versions.get(version);
    if (entry == null) {
      return 0;
    }
    long min = 0;
    for (NodeEntry n : entry.nodes.values()) {
      if (n.ttlMillis() > 0 && (min == 0 || n.ttlMillis() < min)) {
        min = n.ttlMillis();
      }
    }
    return min;
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
