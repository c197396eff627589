package io.micronats.nats.cluster;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The check behind {@link NatsLayout#awaitLinks}: whether the routes of every cluster, the
 * gateways between clusters and the leaf-node connections of a layout are up, from
 * {@code /routez}, {@code /gatewayz} and {@code /leafz}.
 *
 * <p>Up means: the routes of every cluster pass {@link RouteCheck}; every live node of a cluster
 * joined by gateways has an outbound gateway connection to each cluster it is joined to; every
 * live leaf node has a connection to its hub, and every live hub node counts at least as many
 * leaf connections as it has live leaf nodes.
 *
 * <p>Immutable and thread-safe; {@link #problem()} blocks on monitoring requests.
 */
final class LayoutCheck {
  private final Map<String, NatsCluster> clusters;
  private final Map<String, List<String>> gatewayPeers;
  private final Map<String, String> leafHubs;

  /**
   * @param clusters the clusters and single-node leaf clusters by name
   * @param gatewayPeers for every cluster joined by gateways, the clusters it is joined to
   * @param leafHubs for every leaf node, the name of its hub node
   */
  LayoutCheck(Map<String, NatsCluster> clusters, Map<String, List<String>> gatewayPeers,
      Map<String, String> leafHubs) {
    this.clusters = Map.copyOf(clusters);
    this.gatewayPeers = Map.copyOf(gatewayPeers);
    this.leafHubs = Map.copyOf(leafHubs);
  }

  /** Empty when every link is up; else every link that is not, by name. */
  String problem() {
    StringBuilder problem = new StringBuilder();
    for (Map.Entry<String, NatsCluster> c : clusters.entrySet()) {
      String routes = RouteCheck.problem(c.getValue().nodes());
      if (!routes.isEmpty()) {
        problem.append("routes of ").append(c.getKey()).append(": ").append(routes);
      }
    }
    for (Map.Entry<String, List<String>> g : gatewayPeers.entrySet()) {
      for (NatsNode n : live(g.getKey())) {
        try {
          Set<String> out = n.gatewayz().outboundClusters();
          for (String peer : g.getValue()) {
            if (!out.contains(peer) && !live(peer).isEmpty()) {
              problem.append("gateway ").append(n.name()).append(" -> ").append(peer).append(" is not up; ");
            }
          }
        } catch (UncheckedIOException | IllegalArgumentException e) {
          problem.append(n.name()).append(" does not answer /gatewayz (").append(e.getMessage()).append("); ");
        }
      }
    }
    for (Map.Entry<String, String> l : leafHubs.entrySet()) {
      List<NatsNode> leaf = live(l.getKey());
      NatsNode hub = nodeNamed(l.getValue());
      if (leaf.isEmpty() || hub == null || !hub.isRunning() || hub.isPaused()) {
        continue;
      }
      try {
        if (leaf.get(0).leafz().leafs().isEmpty()) {
          problem.append("leaf connection ").append(l.getKey()).append(" -> ").append(hub.name())
              .append(" is not up; ");
        }
      } catch (UncheckedIOException | IllegalArgumentException e) {
        problem.append(l.getKey()).append(" does not answer /leafz (").append(e.getMessage()).append("); ");
      }
    }
    for (NatsNode hub : hubs()) {
      long expected = leafHubs.entrySet().stream()
          .filter(e -> e.getValue().equals(hub.name()) && !live(e.getKey()).isEmpty()).count();
      try {
        int seen = hub.leafz().leafs().size();
        if (seen < expected) {
          problem.append(hub.name()).append(" has ").append(seen).append(" of ").append(expected)
              .append(" leaf connections; ");
        }
      } catch (UncheckedIOException | IllegalArgumentException e) {
        problem.append(hub.name()).append(" does not answer /leafz (").append(e.getMessage()).append("); ");
      }
    }
    return problem.toString();
  }

  private List<NatsNode> live(String cluster) {
    NatsCluster c = clusters.get(cluster);
    if (c == null) {
      return List.of();
    }
    return c.nodes().stream().filter(n -> n.isRunning() && !n.isPaused()).toList();
  }

  private List<NatsNode> hubs() {
    return leafHubs.values().stream().distinct()
        .flatMap(name -> java.util.Optional.ofNullable(nodeNamed(name)).stream())
        .filter(n -> n.isRunning() && !n.isPaused()).toList();
  }

  private @org.jspecify.annotations.Nullable NatsNode nodeNamed(String name) {
    for (NatsCluster c : clusters.values()) {
      for (NatsNode n : c.nodes()) {
        if (n.name().equals(name)) {
          return n;
        }
      }
    }
    return null;
  }
}
