package io.micronats.nats.cluster;

import io.micronats.nats.cluster.proxy.LinkProxy;
import io.micronats.nats.cluster.proxy.ProxyMesh;
import io.micronats.spi.plugin.PluginConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local layout of several NATS clusters on 127.0.0.1: named clusters whose nodes carry zone and
 * region labels, gateways joining clusters into a supercluster, and leaf nodes attached to named
 * hub nodes. Every server is a real {@code nats-server} process; every route, gateway and leaf
 * connection goes through a link proxy, which adds the {@link LinkLatency} between the places of
 * its two ends and takes link faults.
 *
 * <p>Lifecycle: {@link #builder()} and {@link Builder#build()} do no I/O; {@link #start()} starts
 * the clusters (each a {@link NatsCluster} with link proxies), then the leaf nodes, and waits until
 * routes, gateways and leaf connections are up ({@link #awaitLinks(Duration)});
 * {@link #close()} stops everything. Clients connect without credentials and land in one
 * application account, on hubs and leaf nodes alike.
 *
 * <p>Thread-safe: lifecycle methods are serialized.
 *
 * <pre>{@code
 * try (NatsLayout layout = NatsLayout.builder()
 *     .cluster("east", NodePlace.of("east-a", "east"), NodePlace.of("east-b", "east"))
 *     .cluster("west", NodePlace.of("west-a", "west"))
 *     .gateway("east", "west")
 *     .leaf("edge", "east", 0, NodePlace.of("edge-1", "east"))
 *     .latency(LinkLatency.betweenRegions("east", "west", Duration.ofMillis(40), Duration.ofMillis(2)))
 *     .build()) {
 *   layout.start();
 *   Connection c = Nats.connect(layout.cluster("west").connectString());
 * }
 * }</pre>
 *
 * <p>Not a production deployment tool: no JetStream, no TLS or client auth, loopback only.
 */
public final class NatsLayout implements NatsBackend {
  private static final Logger LOG = LoggerFactory.getLogger(NatsLayout.class);

  /**
   * One server of a layout.
   *
   * @param cluster the cluster (or leaf node) it belongs to
   * @param leaf whether it is a leaf node
   * @param node the process
   * @param place its zone and region
   */
  public record Member(String cluster, boolean leaf, NatsNode node, NodePlace place) {
    public Member {
      Objects.requireNonNull(cluster, "cluster");
      Objects.requireNonNull(node, "node");
      Objects.requireNonNull(place, "place");
    }
  }

  private record ClusterSpec(String name, List<NodePlace> places) {}

  private record LeafSpec(String name, String hub, int hubNode, NodePlace place) {}

  private record GatewaySpec(String a, String b) {}

  private final List<ClusterSpec> clusterSpecs;
  private final List<LeafSpec> leafSpecs;
  private final List<GatewaySpec> gatewaySpecs;
  private final List<LinkLatency> latencies;
  private final Optional<Path> serverBinary;
  private final Optional<Path> workParent;
  private final Duration startTimeout;
  private final String extraConfig;
  private final String appPassword = UUID.randomUUID().toString().replace("-", "");
  private final String sysPassword = UUID.randomUUID().toString().replace("-", "");

  private final Object lock = new Object();
  private final Map<String, NatsNode> nodesByName = new ConcurrentHashMap<>();
  private final Map<String, LinkProxy> links = new LinkedHashMap<>();
  private final Map<String, NatsCluster> running = new LinkedHashMap<>();
  private @Nullable LinkProxy gossipSink;
  private boolean started;
  private boolean closed;

  private NatsLayout(Builder b) {
    this.clusterSpecs = List.copyOf(b.clusters);
    this.leafSpecs = List.copyOf(b.leaves);
    this.gatewaySpecs = List.copyOf(b.gateways);
    this.latencies = List.copyOf(b.latencies);
    this.serverBinary = b.serverBinary;
    this.workParent = b.workParent;
    this.startTimeout = b.startTimeout;
    this.extraConfig = b.extraConfig;
  }

  /** An empty builder: add at least one cluster. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts every cluster, then every leaf node, and waits until routes, gateways and leaf
   * connections are up; no effect when already started.
   *
   * @throws NatsServerException when a server does not start or a link does not come up within
   *     the start timeout (naming the links); everything started is stopped
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public void start() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("NatsLayout was closed; build a new one");
      }
      if (started) {
        return;
      }
      try {
        createLinkProxies();
        for (ClusterSpec c : clusterSpecs) {
          NatsCluster cluster = clusterBuilder(c.name(), c.places().size()).build();
          running.put(c.name(), cluster);
          cluster.start();
          delayRoutes(cluster, c.places());
        }
        for (LeafSpec l : leafSpecs) {
          NatsCluster leaf = clusterBuilder(l.name(), 1).build();
          running.put(l.name(), leaf);
          leaf.start();
        }
        started = true;
        awaitLinks(startTimeout);
        LOG.info("NatsLayout started: clusters {}, leaf nodes {}, gateways {}", clusterNames(),
            leafNames(), gatewaySpecs);
      } catch (RuntimeException e) {
        closeQuietly();
        throw e;
      }
    }
  }

  /** The names of the clusters, in declaration order (leaf nodes not included). */
  public List<String> clusterNames() {
    return clusterSpecs.stream().map(ClusterSpec::name).toList();
  }

  /** The names of the leaf nodes, in declaration order. */
  public List<String> leafNames() {
    return leafSpecs.stream().map(LeafSpec::name).toList();
  }

  /**
   * The running cluster (or single-node leaf cluster) named {@code name}.
   *
   * @throws IllegalArgumentException for an unknown name
   * @throws IllegalStateException before {@link #start()}
   */
  public NatsCluster cluster(String name) {
    synchronized (lock) {
      requireStarted();
      NatsCluster c = running.get(name);
      if (c == null) {
        throw new IllegalArgumentException("no cluster or leaf node '" + name + "' in " + running.keySet());
      }
      return c;
    }
  }

  /** Every server: the clusters' nodes in declaration order, then the leaf nodes. */
  public List<Member> members() {
    synchronized (lock) {
      requireStarted();
      List<Member> out = new ArrayList<>();
      for (ClusterSpec c : clusterSpecs) {
        List<NatsNode> nodes = runningCluster(c.name()).nodes();
        for (int i = 0; i < nodes.size(); i++) {
          out.add(new Member(c.name(), false, nodes.get(i), c.places().get(i)));
        }
      }
      for (LeafSpec l : leafSpecs) {
        out.add(new Member(l.name(), true, runningCluster(l.name()).node(0), l.place()));
      }
      return out;
    }
  }

  /**
   * Every link proxy of gateways and leaf connections by name: {@code gw-A-n1-B-n2} is the proxy
   * node 1 of cluster A dials to reach node 2 of cluster B; {@code leaf-L} the one leaf node L
   * dials to reach its hub. Route proxies are in each cluster's {@link NatsCluster#proxies()}.
   */
  public Map<String, LinkProxy> links() {
    synchronized (lock) {
      requireStarted();
      return Map.copyOf(links);
    }
  }

  /** The gateway proxies between clusters {@code a} and {@code b}, both directions. */
  public List<LinkProxy> gatewayLinks(String a, String b) {
    List<LinkProxy> out = new ArrayList<>();
    for (Map.Entry<String, LinkProxy> e : links().entrySet()) {
      String n = e.getKey();
      if ((n.startsWith("gw-" + a + "-n") && n.contains("-" + b + "-n"))
          || (n.startsWith("gw-" + b + "-n") && n.contains("-" + a + "-n"))) {
        out.add(e.getValue());
      }
    }
    return out;
  }

  /**
   * The proxy leaf node {@code leaf} dials to reach its hub.
   *
   * @throws IllegalArgumentException for an unknown leaf node
   */
  public LinkProxy leafLink(String leaf) {
    LinkProxy p = links().get("leaf-" + leaf);
    if (p == null) {
      throw new IllegalArgumentException("no leaf node '" + leaf + "' in " + leafNames());
    }
    return p;
  }

  /**
   * Removes every fault from the route, gateway and leaf proxies and puts the layout's own
   * latencies back, for the end of a link fault. Client proxies are left as they are.
   */
  public void healLinks() {
    synchronized (lock) {
      requireStarted();
      for (ClusterSpec c : clusterSpecs) {
        NatsCluster cluster = runningCluster(c.name());
        int n = c.places().size();
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            if (i != j) {
              cluster.proxies().route(i, j).restore();
            }
          }
        }
        delayRoutes(cluster, c.places());
      }
      for (Map.Entry<String, LinkProxy> e : links.entrySet()) {
        e.getValue().restore();
        linkLatency(e.getKey()).ifPresent(lat -> e.getValue().delay(lat.latency(), lat.jitter()));
      }
    }
  }

  /** Client URLs (through the client proxies) of every server, in {@link #members()} order. */
  @Override
  public List<String> clientUrls() {
    List<String> urls = new ArrayList<>();
    for (NatsCluster c : startedClusters()) {
      urls.addAll(c.clientUrls());
    }
    return urls;
  }

  /** Monitoring URLs of every server, in {@link #members()} order. */
  @Override
  public List<String> monitorUrls() {
    List<String> urls = new ArrayList<>();
    for (NatsCluster c : startedClusters()) {
      urls.addAll(c.monitorUrls());
    }
    return urls;
  }

  /** Settings for a client of any server: every client URL of the layout. */
  @Override
  public PluginConfig clientConfig() {
    return new PluginConfig(Map.of(PluginConfig.ADDRESSES, connectString()));
  }

  /** Settings for a client of the cluster or leaf node {@code name} only. */
  public PluginConfig clientConfig(String name) {
    return new PluginConfig(Map.of(PluginConfig.ADDRESSES, cluster(name).connectString()));
  }

  /** The place of {@code node}, or empty when it is not a server of this layout. */
  public Optional<NodePlace> place(NatsNode node) {
    return members().stream().filter(m -> m.node() == node).map(Member::place).findFirst();
  }

  /**
   * Waits until every cluster's routes are complete ({@link NatsCluster#awaitRoutes}), every live
   * node of a cluster joined by a gateway has its outbound gateway connection to every cluster it
   * is joined to, and every live leaf node is connected to its live hub.
   *
   * @throws NatsServerException naming every link not up when the timeout passes
   */
  public void awaitLinks(Duration timeout) {
    List<NatsCluster> clusters = startedClusters();
    LayoutCheck check = new LayoutCheck(running(), gatewayPairs(), leafHubs());
    String problem = Poll.until(check::problem, String::isEmpty, timeout, Duration.ofMillis(100), "links");
    if (!problem.isEmpty()) {
      throw new NatsServerException("links of NatsLayout did not come up within " + timeout + ": "
          + problem, List.of(), "", "", null);
    }
    for (NatsCluster c : clusters) {
      c.awaitRoutes(timeout);
    }
  }

  /**
   * Waits until the interest in {@code subject} has spread where this layout can observe it: at
   * least one server shows it, and so does every live node of each cluster (or leaf node) where
   * any node shows it. Interest crossing gateways is not observed (a gateway forwards optimistically
   * until told otherwise); callers that need it end to end poll their own traffic.
   *
   * @throws InterestTimeoutException naming the servers still lacking interest
   */
  @Override
  public void awaitInterest(String subject, Duration timeout) {
    List<NatsCluster> clusters = startedClusters();
    List<String> missing = Poll.until(() -> lackingInterest(clusters, subject), List::isEmpty,
        timeout, Duration.ofMillis(25), "interest in " + subject);
    if (!missing.isEmpty()) {
      throw new InterestTimeoutException("waiting for interest in '" + subject + "' (still missing on "
          + missing + ")", timeout);
    }
  }

  /** Stops every server and proxy; idempotent, never throws. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      closeQuietly();
    }
  }

  @Override
  public String toString() {
    return "NatsLayout[clusters=" + clusterNames() + ", leaves=" + leafNames() + ", gateways="
        + gatewaySpecs + "]";
  }

  // ---- internals ----

  private NatsCluster.Builder clusterBuilder(String name, int nodes) {
    NatsCluster.Builder b = NatsCluster.builder().clusterName(name).nodes(nodes).linkProxies(true)
        .startTimeout(startTimeout).extraConfig(extraConfig).nodeBlocks(this::blocksOf);
    serverBinary.ifPresent(b::serverBinary);
    workParent.ifPresent(b::workDirectoryParent);
    return b;
  }

  /** The layout's config blocks for {@code node}; called under the node's lock. */
  private String blocksOf(NatsNode node) {
    nodesByName.put(node.name(), node);
    String cluster = clusterOf(node.name());
    StringBuilder sb = new StringBuilder();
    Optional<LeafSpec> asLeaf = leafSpecs.stream().filter(l -> l.name().equals(cluster)).findFirst();
    if (asLeaf.isPresent()) {
      LinkProxy p = links.get("leaf-" + cluster);
      return LayoutConfig.leafRemote(Objects.requireNonNull(p, "leaf proxy").port(), appPassword);
    }
    if (!gatewaySpecs.isEmpty() || !leafSpecs.isEmpty()) {
      sb.append(LayoutConfig.accounts(appPassword, sysPassword));
    }
    Map<String, List<Integer>> dial = new LinkedHashMap<>();
    for (String peer : gatewayPeers(cluster)) {
      List<Integer> ports = new ArrayList<>();
      int peerNodes = spec(peer).places().size();
      for (int j = 0; j < peerNodes; j++) {
        ports.add(Objects.requireNonNull(links.get(gatewayName(node.name(), peer + "-n" + (j + 1))))
            .port());
      }
      dial.put(peer, ports);
    }
    LinkProxy sink = gossipSink;
    if (!dial.isEmpty() && sink != null) {
      sb.append(LayoutConfig.gateway(node, cluster, dial, sink.address()));
    }
    boolean hub = leafSpecs.stream().anyMatch(l -> l.hub().equals(cluster)
        && node.name().equals(l.hub() + "-n" + (l.hubNode() + 1)));
    if (hub && sink != null) {
      sb.append(LayoutConfig.leafListener(node, sink.address()));
    }
    return sb.toString();
  }

  private void createLinkProxies() {
    LinkProxy sink = LinkProxy.to("layout-gossip-sink", () -> 0);
    sink.start();
    sink.refuse(true);
    gossipSink = sink;
    for (GatewaySpec g : gatewaySpecs) {
      gatewayProxies(g.a(), g.b());
      gatewayProxies(g.b(), g.a());
    }
    for (LeafSpec l : leafSpecs) {
      String hubName = l.hub() + "-n" + (l.hubNode() + 1);
      LinkProxy p = LinkProxy.to("leaf-" + l.name(), () -> linkPort(hubName, 1));
      p.start();
      links.put("leaf-" + l.name(), p);
      linkLatency("leaf-" + l.name()).ifPresent(lat -> p.delay(lat.latency(), lat.jitter()));
    }
  }

  private void gatewayProxies(String from, String to) {
    List<NodePlace> fromPlaces = spec(from).places();
    List<NodePlace> toPlaces = spec(to).places();
    for (int i = 0; i < fromPlaces.size(); i++) {
      for (int j = 0; j < toPlaces.size(); j++) {
        String target = to + "-n" + (j + 1);
        String name = gatewayName(from + "-n" + (i + 1), target);
        LinkProxy p = LinkProxy.to(name, () -> linkPort(target, 0));
        p.start();
        links.put(name, p);
        linkLatency(name).ifPresent(lat -> p.delay(lat.latency(), lat.jitter()));
      }
    }
  }

  /** The layout's latency for the gateway or leaf proxy {@code name}. */
  private Optional<LinkLatency> linkLatency(String name) {
    if (name.startsWith("leaf-")) {
      String leafName = name.substring("leaf-".length());
      LeafSpec l = leafSpecs.stream().filter(x -> x.name().equals(leafName)).findFirst().orElseThrow();
      return latencyBetween(l.place(), spec(l.hub()).places().get(l.hubNode()));
    }
    String[] parts = name.split("-", -1);
    // gw-A-nI-B-nJ
    NodePlace from = spec(parts[1]).places().get(Integer.parseInt(parts[2].substring(1)) - 1);
    NodePlace to = spec(parts[3]).places().get(Integer.parseInt(parts[4].substring(1)) - 1);
    return latencyBetween(from, to);
  }

  private static String gatewayName(String fromNode, String toNode) {
    return "gw-" + fromNode + "-" + toNode;
  }

  private int linkPort(String nodeName, int which) {
    NatsNode n = nodesByName.get(nodeName);
    return n == null ? -1 : n.linkPortsOrUnset()[which];
  }

  private void delayRoutes(NatsCluster cluster, List<NodePlace> places) {
    if (places.size() < 2) {
      return;
    }
    ProxyMesh mesh = cluster.proxies();
    for (int i = 0; i < places.size(); i++) {
      for (int j = 0; j < places.size(); j++) {
        if (i != j) {
          LinkProxy p = mesh.route(i, j);
          latencyBetween(places.get(i), places.get(j)).ifPresent(lat -> p.delay(lat.latency(), lat.jitter()));
        }
      }
    }
  }

  /** The latency rule for a link between two places: a zone rule first, then a region rule. */
  Optional<LinkLatency> latencyBetween(NodePlace x, NodePlace y) {
    for (LinkLatency.Scope scope : LinkLatency.Scope.values()) {
      for (LinkLatency l : latencies) {
        if (l.scope() == scope && l.appliesTo(x, y)) {
          return Optional.of(l);
        }
      }
    }
    return Optional.empty();
  }

  private String clusterOf(String nodeName) {
    int dash = nodeName.lastIndexOf("-n");
    return nodeName.substring(0, dash);
  }

  private ClusterSpec spec(String name) {
    return clusterSpecs.stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no cluster '" + name + "'"));
  }

  private List<String> gatewayPeers(String cluster) {
    List<String> peers = new ArrayList<>();
    for (GatewaySpec g : gatewaySpecs) {
      if (g.a().equals(cluster)) {
        peers.add(g.b());
      } else if (g.b().equals(cluster)) {
        peers.add(g.a());
      }
    }
    return peers;
  }

  private Map<String, List<String>> gatewayPairs() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ClusterSpec c : clusterSpecs) {
      List<String> peers = gatewayPeers(c.name());
      if (!peers.isEmpty()) {
        out.put(c.name(), peers);
      }
    }
    return out;
  }

  /** For every leaf node, the name of its hub node. */
  private Map<String, String> leafHubs() {
    Map<String, String> out = new LinkedHashMap<>();
    for (LeafSpec l : leafSpecs) {
      out.put(l.name(), l.hub() + "-n" + (l.hubNode() + 1));
    }
    return out;
  }

  private Map<String, NatsCluster> running() {
    synchronized (lock) {
      requireStarted();
      return new LinkedHashMap<>(running);
    }
  }

  private List<NatsCluster> startedClusters() {
    return List.copyOf(running().values());
  }

  private static List<String> lackingInterest(List<NatsCluster> clusters, String subject) {
    List<String> missing = new ArrayList<>();
    boolean anywhere = false;
    for (NatsCluster c : clusters) {
      List<String> lacking = new ArrayList<>();
      int live = 0;
      for (NatsNode n : c.nodes()) {
        if (n.isRunning() && !n.isPaused()) {
          live++;
          if (!InterestWaiter.of(List.of(n.monitorUrl())).hasInterest(subject)) {
            lacking.add(n.name());
          }
        }
      }
      if (lacking.size() < live) {
        anywhere = true;
        missing.addAll(lacking);
      }
    }
    if (!anywhere) {
      missing.add("every server");
    }
    return missing;
  }

  private void requireStarted() {
    if (closed) {
      throw new IllegalStateException("NatsLayout was closed");
    }
    if (running.isEmpty()) {
      throw new IllegalStateException("NatsLayout has not been started: call start() first");
    }
  }

  private void closeQuietly() {
    List<NatsCluster> all = new ArrayList<>(running.values());
    java.util.Collections.reverse(all);
    for (NatsCluster c : all) {
      c.close();
    }
    for (LinkProxy p : links.values()) {
      p.close();
    }
    LinkProxy sink = gossipSink;
    if (sink != null) {
      sink.close();
    }
  }

  /**
   * Settings of a {@link NatsLayout}. Not thread-safe; {@link #build()} validates them and does
   * no I/O.
   */
  public static final class Builder {
    private final List<ClusterSpec> clusters = new ArrayList<>();
    private final List<LeafSpec> leaves = new ArrayList<>();
    private final List<GatewaySpec> gateways = new ArrayList<>();
    private final List<LinkLatency> latencies = new ArrayList<>();
    private Optional<Path> serverBinary = Optional.empty();
    private Optional<Path> workParent = Optional.empty();
    private Duration startTimeout = Duration.ofSeconds(30);
    private String extraConfig = "";

    private Builder() {}

    /** A cluster named {@code name} with one node per place (1 to 32), in node order. */
    public Builder cluster(String name, NodePlace... places) {
      return cluster(name, List.of(places));
    }

    /** A cluster named {@code name} with one node per place (1 to 32), in node order. */
    public Builder cluster(String name, List<NodePlace> places) {
      requireNewName(name);
      if (places.isEmpty() || places.size() > 32) {
        throw new IllegalArgumentException("cluster '" + name + "' needs 1..32 nodes, got " + places.size());
      }
      clusters.add(new ClusterSpec(name, List.copyOf(places)));
      return this;
    }

    /** A gateway between clusters {@code a} and {@code b} (declared before), both ways. */
    public Builder gateway(String a, String b) {
      requireCluster(a);
      requireCluster(b);
      if (a.equals(b)) {
        throw new IllegalArgumentException("a gateway joins two clusters, got '" + a + "' twice");
      }
      for (GatewaySpec g : gateways) {
        if ((g.a().equals(a) && g.b().equals(b)) || (g.a().equals(b) && g.b().equals(a))) {
          throw new IllegalArgumentException("gateway " + a + "-" + b + " declared twice");
        }
      }
      gateways.add(new GatewaySpec(a, b));
      return this;
    }

    /**
     * A leaf node named {@code name} at {@code place}, attached to node {@code hubNode} (from 0)
     * of cluster {@code hubCluster} (declared before).
     */
    public Builder leaf(String name, String hubCluster, int hubNode, NodePlace place) {
      requireNewName(name);
      ClusterSpec hub = requireCluster(hubCluster);
      if (hubNode < 0 || hubNode >= hub.places().size()) {
        throw new IllegalArgumentException("leaf '" + name + "': cluster '" + hubCluster + "' has nodes 0.."
            + (hub.places().size() - 1) + ", got " + hubNode);
      }
      leaves.add(new LeafSpec(name, hubCluster, hubNode, Objects.requireNonNull(place, "place")));
      return this;
    }

    /** Latency between two zones or regions; the first matching zone rule, else region rule, applies. */
    public Builder latency(LinkLatency latency) {
      latencies.add(Objects.requireNonNull(latency, "latency"));
      return this;
    }

    /** The nats-server executable; default as for {@link NatsCluster.Builder#serverBinary}. */
    public Builder serverBinary(Path binary) {
      this.serverBinary = Optional.of(Objects.requireNonNull(binary, "binary"));
      return this;
    }

    /** The parent directory of the work directories; default the system temp directory. */
    public Builder workDirectoryParent(Path parent) {
      this.workParent = Optional.of(Objects.requireNonNull(parent, "parent"));
      return this;
    }

    /** How long a server may take to start, and the links to come up; default 30 s. */
    public Builder startTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive, got " + timeout);
      }
      this.startTimeout = timeout;
      return this;
    }

    /** Lines appended to every server's config; see {@link NatsCluster.Builder#extraConfig}. */
    public Builder extraConfig(String lines) {
      this.extraConfig = Objects.requireNonNull(lines, "lines");
      return this;
    }

    /**
     * An unstarted layout.
     *
     * @throws IllegalStateException when no cluster was declared
     */
    public NatsLayout build() {
      if (clusters.isEmpty()) {
        throw new IllegalStateException("a NatsLayout needs at least one cluster");
      }
      return new NatsLayout(this);
    }

    private void requireNewName(String name) {
      Objects.requireNonNull(name, "name");
      if (!name.matches("[A-Za-z0-9_]{1,32}")) {
        throw new IllegalArgumentException("cluster and leaf names must be 1-32 letters, digits or '_' (no '-',"
            + " which separates node names), got '" + name + "'");
      }
      boolean taken = clusters.stream().anyMatch(c -> c.name().equals(name))
          || leaves.stream().anyMatch(l -> l.name().equals(name));
      if (taken) {
        throw new IllegalArgumentException("name '" + name + "' is already a cluster or leaf node");
      }
    }

    private ClusterSpec requireCluster(String name) {
      return clusters.stream().filter(c -> c.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no cluster '" + name + "' declared (declared: "
              + clusters.stream().map(ClusterSpec::name).toList() + ")"));
    }
  }

  /** The started cluster of that name; callers hold {@code lock} after {@code requireStarted()}. */
  private NatsCluster runningCluster(String name) {
    NatsCluster c = running.get(name);
    if (c == null) {
      throw new IllegalStateException("no running cluster named " + name);
    }
    return c;
  }
}
