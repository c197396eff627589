package io.micronats.nats.registry;

import io.micronats.spi.registry.Endpoint;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.WatchEvent.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One version of a service as a registry keeps it: the version's metadata and endpoints, and its
 * nodes by id, each with an expiry time. {@link #expire} is the TTL scan over a name, then
 * version, tree of them, shared by {@link LocalStore} and {@link RemoteView}.
 *
 * <p>Not thread-safe: its owner synchronizes every access.
 *
 * @param <N> what the owner keeps per node: at least the node and when it expires
 */
final class VersionEntry<N extends VersionEntry.Timed> {

  /** The expiry time of a node that never expires. */
  static final long NEVER = Long.MAX_VALUE;

  /** What is kept per node. */
  interface Timed {
    Node node();

    /** When the node expires, in {@link System#nanoTime()} terms; {@link #NEVER} for never. */
    long expiresAt();
  }

  Map<String, String> metadata;
  List<Endpoint> endpoints;
  final LinkedHashMap<String, N> nodes = new LinkedHashMap<>();

  VersionEntry(Service service) {
    describe(service);
  }

  /** Takes the metadata and endpoints of {@code service}. */
  void describe(Service service) {
    metadata = service.metadata();
    endpoints = service.endpoints();
  }

  /** Every node kept, in registration order. */
  List<Node> nodeList() {
    List<Node> list = new ArrayList<>(nodes.size());
    nodes.values().forEach(n -> list.add(n.node()));
    return list;
  }

  /** This version as a service with the given nodes. */
  Service toService(String name, String version, List<Node> with) {
    return new Service(name, version, metadata, endpoints, with);
  }

  /**
   * Removes the nodes of {@code tree} that have expired at {@code now}, and the versions and names
   * left without nodes; adds one DELETE (with the expired nodes) per affected version to
   * {@code changes}, and tells {@code nameGone} of every name removed.
   *
   * @return the earliest expiry time left in the tree, {@link #NEVER} when none
   */
  static <N extends Timed> long expire(Map<String, Map<String, VersionEntry<N>>> tree, long now,
      List<LocalStore.Change> changes, Consumer<String> nameGone) {
    long next = NEVER;
    var names = tree.entrySet().iterator();
    while (names.hasNext()) {
      var named = names.next();
      var versions = named.getValue().entrySet().iterator();
      while (versions.hasNext()) {
        var versioned = versions.next();
        VersionEntry<N> entry = versioned.getValue();
        List<Node> expired = new ArrayList<>();
        var nodes = entry.nodes.values().iterator();
        while (nodes.hasNext()) {
          N n = nodes.next();
          if (n.expiresAt() != NEVER && now - n.expiresAt() >= 0) {
            nodes.remove();
            expired.add(n.node());
          } else if (n.expiresAt() != NEVER && (next == NEVER || n.expiresAt() - next < 0)) {
            next = n.expiresAt();
          }
        }
        if (!expired.isEmpty()) {
          changes.add(new LocalStore.Change(Action.DELETE,
              entry.toService(named.getKey(), versioned.getKey(), expired)));
          if (entry.nodes.isEmpty()) {
            versions.remove();
          }
        }
      }
      if (named.getValue().isEmpty()) {
        names.remove();
        nameGone.accept(named.getKey());
      }
    }
    return next;
  }
}
