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
  /** Instance keys of go-micro nodes start with this; the rest is the node's {@link #nodeKey}. */
  static final String GO_PREFIX = "go:";
  /** How long a go-micro node (which has no TTL) is kept without a query answer or watch event. */
  private final long goNodeNanos;
  /**
   * Names a go-micro process was seen serving: their expiry says nothing of whether the name is
   * gone (go-micro never says so but by a delete), so it leaves no tombstone; bounded like them.
   */
  private final LinkedHashMap<String, Boolean> goNames = new LinkedHashMap<>();
  private long primedEpoch = -1;
  /** At most this many nodes of other instances are remembered ({@link #droppedNodes} counts the rest). */
  private final int maxNodes;
  private int nodeCount;
  private long droppedNodes;
  /** Set when {@link #apply} dropped a node for the bound (read by {@link #prime}). */
  private boolean overflowed;
  /** No node expires before this (nanoTime), so {@link #expire} returns at once until then. */
  private long nextExpiry = NEVER;

  private record Tracked(Node node, String instance, long expiresAt) implements VersionEntry.Timed {}

  /**
   * One reply to a query: a service version from one instance ({@code null} for a go-micro
   * process), with its TTL (0 for none).
   */
  record Part(Service service, @Nullable String instance, long ttlMillis) {}

  /**
   * @param goNodeNanos how long a go-micro node (or any sender's without a TTL nor
   *     {@code Mn-Instance}) is kept without being heard of again
   * @param maxNodes the most nodes of other instances remembered at once
   */
  RemoteView(long goNodeNanos, int maxNodes) {
    this.goNodeNanos = goNodeNanos;
    this.maxNodes = maxNodes;
  }

  /** Nodes announced by others that were not remembered because {@code maxNodes} were already. */
  synchronized long droppedNodes() {
    return droppedNodes;
  }

  /** Nodes of other instances remembered now. */
  synchronized int nodeCount() {
    return nodeCount;
  }


  /** The key of a node within its version: its id, or for an empty id (go-micro allows it) its address. */
  static String nodeKey(Node n) {
    return n.id().isEmpty() ? "\u0000" + n.address() : n.id();
  }

  /**
   * Applies a watch event from {@code instance} ({@code null} for a go-micro process: each of its
   * nodes is then its own instance, kept {@code goNodeNanos} unless heard of again); returns the
   * nodes a DELETE actually removed (empty for other actions).
   */
  synchronized List<Node> apply(Action action, Service service, @Nullable String instance, long ttlMillis, long now) {
    if (action == Action.DELETE) {
      Map<String, VersionEntry<Tracked>> versions = names.get(service.name());
      VersionEntry<Tracked> v = versions == null ? null : versions.get(service.version());
      List<Node> removed = new ArrayList<>();
      if (versions == null) {
        bury(service.name(), now); // a delete of a name we know no node of: believed gone all the same
      }
      if (versions != null && v != null) {
        for (Node n : service.nodes()) {
          Tracked t = v.nodes.remove(nodeKey(n));
          if (t != null) {
            nodeCount--;
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
    if (instance == null && goNames.put(service.name(), Boolean.TRUE) == null && goNames.size() > MAX_TOMBSTONES) {
      var oldest = goNames.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    VersionEntry<Tracked> v = names.computeIfAbsent(service.name(), k -> new TreeMap<>())
        .computeIfAbsent(service.version(), k -> new VersionEntry<>(service));
    v.describe(service);
    long expiresAt = ttlMillis > 0 ? now + (ttlMillis + graceMillis(ttlMillis)) * 1_000_000L
        : instance == null ? now + goNodeNanos : NEVER;
    boolean dropped = false;
    for (Node n : service.nodes()) {
      String key = nodeKey(n);
      if (!v.nodes.containsKey(key)) {
        if (nodeCount >= maxNodes) {
          dropped = true;
          // Full: what others announce is not remembered beyond the bound. The name can no longer
          // be answered from the cache (it would serve less than a query), so it is not cached.
          droppedNodes++;
          overflowed = true;
          primed.remove(service.name());
          continue;
        }
        nodeCount++;
      }
      v.nodes.put(key, new Tracked(n, instance == null ? GO_PREFIX + key : instance, expiresAt));
    }
    if (dropped && v.nodes.isEmpty()) {
      Map<String, VersionEntry<Tracked>> versions = names.get(service.name());
      versions.remove(service.version());
      if (versions.isEmpty()) {
        names.remove(service.name());
      }
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
    nextExpiry = VersionEntry.expire(names, now, changes, name -> {
      if (!goNames.containsKey(name)) {
        bury(name, now);
      }
    });
    // A cached name that lost a node by expiry is asked again at its next lookup, as go-micro's
    // client cache re-queries an expired entry: a node still alive comes back, a silent one does not.
    changes.forEach(c -> primed.remove(c.service().name()));
    changes.forEach(c -> nodeCount -= c.service().nodes().size());
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

  /**
   * Replaces what is known of {@code name} by a query result, which the caller must know complete
   * ({@link QueryCollector.Outcome}).
   */
  synchronized void prime(String name, List<Part> parts, long epoch, long now) {
    if (epoch != primedEpoch) {
      primed.clear();
      primedEpoch = epoch;
    }
    Map<String, VersionEntry<Tracked>> old = names.remove(name);
    if (old != null) {
      old.values().forEach(v -> nodeCount -= v.nodes.size());
    }
    overflowed = false;
    for (Part p : parts) {
      apply(Action.UPDATE, p.service(), p.instance(), p.ttlMillis(), now);
    }
    if (names.containsKey(name) && !overflowed) {
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
