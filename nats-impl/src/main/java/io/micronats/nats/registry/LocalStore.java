package io.micronats.nats.registry;

import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.WatchEvent.Action;
import java.util.ArrayList;
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

  private static final long NEVER = VersionEntry.NEVER;

  private final Map<String, Map<String, VersionEntry<NodeEntry>>> services = new TreeMap<>();
  /** No node expires before this (nanoTime), so {@link #expire} returns at once until then. */
  private long nextExpiry = NEVER;

  private record NodeEntry(Node node, long expiresAt, long ttlMillis) implements VersionEntry.Timed {}

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
    Map<String, VersionEntry<NodeEntry>> versions = services.computeIfAbsent(service.name(), n -> new TreeMap<>());
    VersionEntry<NodeEntry> entry = versions.get(service.version());
    boolean created = entry == null || (entry.nodes.isEmpty() && !service.nodes().isEmpty());
    if (entry == null) {
      entry = new VersionEntry<>(service);
      versions.put(service.version(), entry);
    }
    boolean serviceChanged = !entry.metadata.equals(service.metadata()) || !entry.endpoints.equals(service.endpoints());
    entry.describe(service);
    List<Node> changed = new ArrayList<>();
    for (Node node : service.nodes()) {
      NodeEntry old = entry.nodes.put(node.id(), new NodeEntry(node, expiresAt, Math.max(ttlMillis, 0)));
      if (old == null || !old.node().equals(node)) {
        changed.add(node);
      }
    }
    if (created) {
      return new Change(Action.CREATE, entry.toService(service.name(), service.version(), entry.nodeList()));
    }
    if (!changed.isEmpty()) {
      return new Change(Action.UPDATE, service.withNodes(changed));
    }
    if (serviceChanged) {
      return new Change(Action.UPDATE, entry.toService(service.name(), service.version(), entry.nodeList()));
    }
    return null;
  }

  /** What (name, version) held before a change, to put back when the change could not be announced. */
  static final class Snapshot {
    final String name;
    final String version;
    final @Nullable VersionEntry<?> entry;

    private Snapshot(String name, String version, @Nullable VersionEntry<?> entry) {
      this.name = name;
      this.version = version;
      this.entry = entry;
    }
  }

  /** A copy of what (name, version) holds now ({@link #restore} puts it back). */
  synchronized Snapshot snapshot(String name, String version) {
    Map<String, VersionEntry<NodeEntry>> versions = services.get(name);
    VersionEntry<NodeEntry> entry = versions == null ? null : versions.get(version);
    if (entry == null) {
      return new Snapshot(name, version, null);
    }
    VersionEntry<NodeEntry> copy = new VersionEntry<>(entry.toService(name, version, List.of()));
    copy.nodes.putAll(entry.nodes);
    return new Snapshot(name, version, copy);
  }

  /** Puts (name, version) back as {@code snapshot} saw it. */
  @SuppressWarnings("unchecked")
  synchronized void restore(Snapshot snapshot) {
    Map<String, VersionEntry<NodeEntry>> versions = services.get(snapshot.name);
    if (snapshot.entry == null) {
      if (versions != null) {
        versions.remove(snapshot.version);
        if (versions.isEmpty()) {
          services.remove(snapshot.name);
        }
      }
      return;
    }
    services.computeIfAbsent(snapshot.name, n -> new TreeMap<>()).put(snapshot.version, (VersionEntry<NodeEntry>) snapshot.entry);
  }

  /** Removes the given nodes; returns the DELETE to announce, or {@code null} when nothing changed. */
  synchronized @Nullable Change deregister(Service service) {
    Map<String, VersionEntry<NodeEntry>> versions = services.get(service.name());
    VersionEntry<NodeEntry> entry = versions == null ? null : versions.get(service.version());
    if (versions == null || entry == null) {
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
      return new Change(Action.DELETE, entry.toService(service.name(), service.version(), removed));
    }
    return null;
  }

  /** Removes nodes whose TTL ran out; returns one DELETE per affected version. */
  synchronized List<Change> expire(long now) {
    if (nextExpiry == NEVER || now - nextExpiry < 0) {
      return List.of(); // nothing can have expired: no scan at every sweep
    }
    List<Change> changes = new ArrayList<>();
    nextExpiry = VersionEntry.expire(services, now, changes, name -> { });
    return changes;
  }

  /** The versions of {@code name} (all names when {@code null}), each with its nodes. */
  synchronized List<Service> services(@Nullable String name) {
    List<Service> out = new ArrayList<>();
    services.forEach((n, versions) -> {
      if (name == null || name.equals(n)) {
        versions.forEach((v, entry) -> out.add(entry.toService(n, v, entry.nodeList())));
      }
    });
    return out;
  }

  /** The smallest TTL, in milliseconds, among the nodes of (name, version); 0 when none has one. */
  synchronized long ttlMillis(String name, String version) {
    Map<String, VersionEntry<NodeEntry>> versions = services.get(name);
    VersionEntry<NodeEntry> entry = versions == null ? null : versions.get(version);
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
}
