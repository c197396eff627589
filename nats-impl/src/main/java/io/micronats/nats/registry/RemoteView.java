package io.micronats.nats.registry;

import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.WatchEvent.Action;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What one {@link NatsRegistry} knows of the nodes other instances registered, learnt from watch
 * events and query replies: the watch-fed cache of {@link LookupStrategy#CACHED}, the instances
 * expected to answer a query, and the liveness of nodes with a TTL (a node whose heartbeats stop
 * expires here, so watchers see it go even when its instance crashed).
 *
 * <p>Thread-safe: every method is synchronized and calls no foreign code.
 */
final class RemoteView {

  private static final long NEVER = VersionEntry.NEVER;

  private final Map<String, Map<String, VersionEntry<Tracked>>> names = new TreeMap<>();
  private final Set<String> primed = new HashSet<>();
  /** Names whose last known node was removed, with when (nanoTime); bounded by {@link #MAX_TOMBSTONES}. */
  private final LinkedHashMap<String, Long> tombstones = new LinkedHashMap<>();
  /** How long a removed name is remembered as gone: one minute. */
  static final long TOMBSTONE_NANOS = 60_000_000_000L;
  static final int MAX_TOMBSTONES = 100_000;
  private long primedEpoch = -1;
  /** No node expires before this (nanoTime), so {@link #expire} returns at once until then. */
  private long nextExpiry = NEVER;

  private record Tracked(Node node, String instance, long expiresAt) implements VersionEntry.Timed {}

  /** One reply to a query: a service version from one instance, with its TTL (0 for none). */
  record Part(Service service, String instance, long ttlMillis) {}

  /**
   * Applies a watch event from {@code instance}; returns the nodes a DELETE actually removed
   * (empty for other actions).
   */
  synchronized List<Node> apply(Action action, Service service, String instance, long ttlMillis, long now) {
    if (action == Action.DELETE) {
      Map<String, VersionEntry<Tracked>> versions = names.get(service.name());
      VersionEntry<Tracked> v = versions == null ? null : versions.get(service.version());
      List<Node> removed = new ArrayList<>();
      if (versions == null) {
        bury(service.name(), now); // a delete of a name we know no node of: believed gone all the same
      }
      if (versions != null && v != null) {
        for (Node n : service.nodes()) {
          Tracked t = v.nodes.remove(n.id());
          if (t != null) {
            removed.add(t.node());
          }
        }
        if (v.nodes.isEmpty()) {
          versions.remove(service.version());
          if (versions.isEmpty()) {
            names.remove(service.name());
            bury(service.name(), now);
          }
        }
      }
      return removed;
    }
    tombstones.remove(service.name());
    VersionEntry<Tracked> v = names.computeIfAbsent(service.name(), k -> new TreeMap<>())
        .computeIfAbsent(service.version(), k -> new VersionEntry<>(service));
    v.describe(service);
    long expiresAt = ttlMillis > 0 ? now + (ttlMillis + graceMillis(ttlMillis)) * 1_000_000L : NEVER;
    for (Node n : service.nodes()) {
      v.nodes.put(n.id(), new Tracked(n, instance, expiresAt));
    }
    if (expiresAt != NEVER && (nextExpiry == NEVER || expiresAt - nextExpiry < 0)) {
      nextExpiry = expiresAt;
    }
    return List.of();
  }

  /** Removes nodes whose heartbeats stopped; returns one DELETE per affected version. */
  synchronized List<LocalStore.Change> expire(long now) {
    if (nextExpiry == NEVER || now - nextExpiry < 0) {
      return List.of(); // nothing can have expired: no scan of every node at every sweep
    }
    List<LocalStore.Change> changes = new ArrayList<>();
    nextExpiry = VersionEntry.expire(names, now, changes, name -> bury(name, now));
    return changes;
  }

  /** The instances believed to serve {@code name} (all names when {@code null}). */
  synchronized Set<String> instances(@Nullable String name) {
    Set<String> out = new HashSet<>();
    if (name != null) {
      Map<String, VersionEntry<Tracked>> versions = names.get(name);
      if (versions != null) {
        versions.values().forEach(v -> v.nodes.values().forEach(t -> out.add(t.instance())));
      }
      return out;
    }
    names.forEach((n, versions) -> versions.values().forEach(v -> v.nodes.values().forEach(t -> out.add(t.instance()))));
    return out;
  }

  /**
   * True when a watch event (or expiry) removed the last known node of {@code name} less than
   * {@link #TOMBSTONE_NANOS} before {@code now} and no node of it is known since: the name is
   * believed gone.
   */
  synchronized boolean recentlyGone(String name, long now) {
    Long at = tombstones.get(name);
    return at != null && now - at < TOMBSTONE_NANOS && !names.containsKey(name);
  }

  /**
   * The cached versions of {@code name}, or {@code null} when the name was not filled by a query
   * since the connection's reconnect count was {@code epoch}, or has no node left.
   */
  synchronized @Nullable List<Service> cached(String name, long epoch) {
    if (epoch != primedEpoch) {
      primed.clear();
      primedEpoch = epoch;
      return null;
    }
    if (!primed.contains(name)) {
      return null;
    }
    Map<String, VersionEntry<Tracked>> versions = names.get(name);
    if (versions == null) {
      return tombstones.containsKey(name) ? List.of() : null;
    }
    List<Service> out = new ArrayList<>();
    int nodes = 0;
    for (Map.Entry<String, VersionEntry<Tracked>> e : versions.entrySet()) {
      List<Node> list = e.getValue().nodeList();
      nodes += list.size();
      out.add(e.getValue().toService(name, e.getKey(), list));
    }
    return nodes == 0 ? List.of() : out;
  }

  /** Replaces what is known of {@code name} by a complete query result. */
  synchronized void prime(String name, List<Part> parts, long epoch, long now) {
    if (epoch != primedEpoch) {
      primed.clear();
      primedEpoch = epoch;
    }
    names.remove(name);
    for (Part p : parts) {
      apply(Action.UPDATE, p.service(), p.instance(), p.ttlMillis(), now);
    }
    if (names.containsKey(name)) {
      primed.add(name);
    } else {
      primed.remove(name); // nothing answered: no negative caching of a query result
    }
  }

  /** Remembers that {@code name} lost its last known node; a primed name stays primed, as known-absent. */
  private void bury(String name, long now) {
    tombstones.remove(name);
    tombstones.put(name, now);
    if (tombstones.size() > MAX_TOMBSTONES) {
      var oldest = tombstones.keySet().iterator();
      String dropped = oldest.next();
      oldest.remove();
      primed.remove(dropped);
    }
  }

  /**
   * How long after its TTL a node of another instance is kept without a heartbeat: a quarter of
   * the TTL, at least 100 ms, so the owner's own expiry (announced as a delete) usually comes first.
   */
  static long graceMillis(long ttlMillis) {
    return ttlMillis <= 0 ? 0 : Math.max(100, ttlMillis / 4);
  }
}
