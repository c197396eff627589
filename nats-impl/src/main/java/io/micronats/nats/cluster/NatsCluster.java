package io.micronats.nats.cluster;

import io.micronats.nats.cluster.proxy.ProxyMesh;
import io.micronats.spi.plugin.PluginConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local cluster of {@code nats-server} processes on 127.0.0.1 with full-mesh routes and
 * monitoring ports, for tests, the TCK and the simulator.
 *
 * <p>Lifecycle: {@link #builder()} and {@link Builder#build()} do no I/O; {@link #start()} starts
 * every node (nats-server chooses free ports and reports them in its ports file, so no port is ever
 * guessed) and waits until every node has a route to every other; {@link #close()} kills every
 * process and deletes the work directory. A JVM shutdown hook does the same for clusters that are
 * never closed. Ports are fixed after the first start, so {@link NatsNode#restart()} comes back on
 * the same client, route and monitoring ports.
 *
 * <p>Thread-safe: lifecycle methods are serialized; node control is per node.
 *
 * <pre>{@code
 * try (NatsCluster cluster = NatsCluster.builder().nodes(3).build()) {
 *   cluster.start();
 *   Connection c = Nats.connect(cluster.connectString());
 *   cluster.node(0).kill();
 * }
 * }</pre>
 *
 * <p>Not a production deployment tool: no JetStream, no persistence, loopback only.
 */
public final class NatsCluster implements NatsBackend {
  private static final Logger LOG = LoggerFactory.getLogger(NatsCluster.class);
  private static final Duration ROUTE_POLL = Duration.ofMillis(50);

  private final int nodeCount;
  private final String clusterName;
  private final Optional<Path> serverBinary;
  private final Duration startTimeout;
  private final AuthLayout auth;
  private final TlsLayout tls;
  private final String extraConfig;
  private final Optional<Path> workParent;
  private final boolean linkProxies;
  private final Function<NatsNode, String> nodeBlocks;

  private final Object lock = new Object();
  // volatile: read without the lock by renderConfig, called under a node's lock
  private volatile List<NatsNode> nodes = List.of();
  private volatile @Nullable Path workDir;
  private volatile @Nullable SecurityFiles security;
  private volatile @Nullable ProxyMesh proxies;
  private boolean started;
  private boolean closed;

  private NatsCluster(Builder b) {
    this.nodeCount = b.nodes;
    this.clusterName = b.clusterName;
    this.serverBinary = b.serverBinary;
    this.startTimeout = b.startTimeout;
    this.auth = b.auth;
    this.tls = b.tls;
    this.extraConfig = b.extraConfig;
    this.workParent = b.workParent;
    this.linkProxies = b.linkProxies;
    this.nodeBlocks = b.nodeBlocks;
  }

  /** A builder with 3 nodes, no auth, no TLS and a 30 s start timeout. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this cluster's settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.nodes = nodeCount;
    b.clusterName = clusterName;
    b.serverBinary = serverBinary;
    b.startTimeout = startTimeout;
    b.auth = auth;
    b.tls = tls;
    b.extraConfig = extraConfig;
    b.workParent = workParent;
    b.linkProxies = linkProxies;
    b.nodeBlocks = nodeBlocks;
    return b;
  }

  /**
   * Starts every node and waits until the routes have formed; no effect when already started.
   *
   * @throws NatsServerException with command line, output and config when a node does not start,
   *     or when the routes do not form within the start timeout; everything started is killed
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public void start() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("NatsCluster was closed; build a new one");
      }
      if (started) {
        return;
      }
      try {
        Path binary = ServerBinary.locate(serverBinary);
        Path dir = workParent.isPresent()
            ? Files.createTempDirectory(Files.createDirectories(workParent.get()), "natscluster-")
            : Files.createTempDirectory("natscluster-");
        workDir = dir;
        ProcessReaper.deleteOnExit(dir);
        security = SecurityFiles.create(auth, tls, dir.resolve("security"));
        List<NatsNode> list = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
          list.add(new NatsNode(i, clusterName + "-n" + (i + 1), binary, dir, startTimeout,
              this::renderConfig));
        }
        nodes = List.copyOf(list);
        if (linkProxies) {
          proxies = new ProxyMesh(nodeCount, i -> nodes.get(i).portsOrUnset()[0],
              i -> nodes.get(i).portsOrUnset()[1]).start();
        }
        for (NatsNode node : nodes) {
          node.launch();
        }
        for (NatsNode node : nodes) {
          // rewrite with fixed ports and all peers, for restarts
          Files.writeString(node.configFile(), renderConfig(node));
        }
        started = true;
        awaitRoutes(startTimeout);
        LOG.info("NatsCluster {} started: {}", clusterName, clientUrls());
      } catch (IOException e) {
        closeQuietly();
        throw new UncheckedIOException("cannot prepare NatsCluster work directory: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        closeQuietly();
        throw e;
      }
    }
  }

  /** Whether {@link #start()} completed and {@link #close()} has not been called. */
  public boolean isStarted() {
    synchronized (lock) {
      return started && !closed;
    }
  }

  /** The nodes, in order; empty before {@link #start()}. */
  public List<NatsNode> nodes() {
    synchronized (lock) {
      return nodes;
    }
  }

  /**
   * The node at {@code index} (from 0).
   *
   * @throws IllegalStateException before {@link #start()}
   * @throws IndexOutOfBoundsException for a bad index
   */
  public NatsNode node(int index) {
    return requireStarted().get(index);
  }

  /**
   * The client URLs of every node; with {@link Builder#linkProxies(boolean)}, the URLs of the
   * client proxies (the nodes' own URLs stay in {@link NatsNode#clientUrl()}).
   */
  @Override
  public List<String> clientUrls() {
    List<NatsNode> all = requireStarted();
    ProxyMesh mesh = proxies;
    if (mesh != null) {
      return all.stream().map(n -> mesh.clientUrl(n.index())).toList();
    }
    return all.stream().map(NatsNode::clientUrl).toList();
  }

  /**
   * The link proxies in front of every client and route port.
   *
   * @throws IllegalStateException when the cluster was built without
   *     {@link Builder#linkProxies(boolean)} or is not started
   */
  public ProxyMesh proxies() {
    requireStarted();
    ProxyMesh mesh = proxies;
    if (mesh == null) {
      throw new IllegalStateException("NatsCluster " + clusterName
          + " has no link proxies: build it with linkProxies(true)");
    }
    return mesh;
  }

  /** Whether clients and routes go through link proxies. */
  public boolean hasLinkProxies() {
    return linkProxies;
  }

  /** The monitoring base URLs, {@code http://127.0.0.1:<port>}, of every node. */
  @Override
  public List<String> monitorUrls() {
    return requireStarted().stream().map(NatsNode::monitorUrl).toList();
  }

  @Override
  public PluginConfig clientConfig() {
    requireStarted();
    Map<String, String> map = new LinkedHashMap<>();
    map.put(PluginConfig.ADDRESSES, connectString());
    SecurityFiles s = security;
    if (s != null) {
      map.putAll(s.clientSettings());
    }
    return new PluginConfig(map);
  }

  /** The directory with configs, logs and generated keys; deleted by {@link #close()}. */
  public Path workDir() {
    synchronized (lock) {
      Path d = workDir;
      if (d == null) {
        throw new IllegalStateException("NatsCluster has not been started: call start() first");
      }
      return d;
    }
  }

  /** The auth layout the servers use. */
  public AuthLayout auth() {
    return auth;
  }

  /** The TLS layout the servers use. */
  public TlsLayout tls() {
    return tls;
  }

  /**
   * Waits until every running, unpaused node has exactly one route to the current process of every
   * other running, unpaused node (after a restart, to the new process, not the old one), and every
   * route that has just formed has carried the subscriptions its peer's clients already had, so
   * that messages cross it right away. Interest created later is {@link #awaitInterest}'s job.
   *
   * @throws NatsServerException naming the nodes and their routes when the timeout passes
   */
  public void awaitRoutes(Duration timeout) {
    List<NatsNode> all = requireStarted();
    String problem = Poll.until(() -> RouteCheck.problem(all), String::isEmpty, timeout, ROUTE_POLL, "routes");
    if (problem.isEmpty()) {
      return;
    }
    StringBuilder logs = new StringBuilder();
    for (NatsNode n : all) {
      logs.append("=== ").append(n.name()).append('\n').append(tailOf(n.log())).append('\n');
    }
    throw new NatsServerException("routes of NatsCluster " + clusterName + " did not form within "
        + timeout + ": " + problem, List.of(), logs.toString(), "", null);
  }

  /**
   * Waits until a subscription matching {@code subject} is visible on every running, unpaused
   * node; see {@link InterestWaiter}.
   *
   * @throws InterestTimeoutException naming the nodes still lacking interest
   */
  @Override
  public void awaitInterest(String subject, Duration timeout) {
    requireStarted();
    InterestWaiter.of(this::liveMonitorUrls).await(subject, timeout);
  }

  /**
   * Kills every node and deletes the work directory; idempotent, bounded (about 10 s per node at
   * worst), never throws.
   */
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
    return "NatsCluster[" + clusterName + ", " + nodes() + "]";
  }

  // ---- internals ----

  private void closeQuietly() {
    for (NatsNode n : nodes) {
      try {
        n.destroy();
      } catch (RuntimeException e) {
        LOG.warn("could not kill {}: {}", n.name(), e.toString());
      }
    }
    ProxyMesh mesh = proxies;
    if (mesh != null) {
      mesh.close();
    }
    Path d = workDir;
    if (d != null) {
      if (!ProcessReaper.deleteTree(d)) {
        LOG.warn("could not delete all of {}", d);
      }
      ProcessReaper.forget(d);
    }
  }

  private List<NatsNode> requireStarted() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("NatsCluster was closed");
      }
      if (!started && nodes.isEmpty()) {
        throw new IllegalStateException("NatsCluster has not been started: call start() first");
      }
      return nodes;
    }
  }

  private List<String> liveMonitorUrls() {
    List<String> urls = new ArrayList<>();
    for (NatsNode n : nodes()) {
      if (n.isRunning() && !n.isPaused()) {
        urls.add(n.monitorUrl());
      }
    }
    return urls;
  }

  /** The node's config; reads only volatile fields, as it runs under the node's lock. */
  private String renderConfig(NatsNode node) {
    String blocks = nodeBlocks.apply(node);
    return NodeConfig.render(node, nodes, clusterName, proxies, security,
        blocks.isEmpty() ? extraConfig : blocks + extraConfig);
  }

  private static String tailOf(String s) {
    return s.length() <= 3000 ? s : "..." + s.substring(s.length() - 3000);
  }

  /**
   * Settings of a {@link NatsCluster}. Not thread-safe; {@link #build()} copies them into an
   * immutable cluster description and does no I/O.
   */
  public static final class Builder {
    private int nodes = 3;
    private String clusterName = "micronats";
    private Optional<Path> serverBinary = Optional.empty();
    private Duration startTimeout = Duration.ofSeconds(30);
    private AuthLayout auth = AuthLayout.none();
    private TlsLayout tls = TlsLayout.NONE;
    private String extraConfig = "";
    private Optional<Path> workParent = Optional.empty();
    private boolean linkProxies;
    private Function<NatsNode, String> nodeBlocks = n -> "";

    private Builder() {}

    /**
     * Config blocks for one node beyond the cluster's own (the gateway, leaf-node and account
     * blocks of a {@link NatsLayout}); called whenever the node's config is written.
     */
    Builder nodeBlocks(Function<NatsNode, String> blocks) {
      this.nodeBlocks = Objects.requireNonNull(blocks, "blocks");
      return this;
    }

    /**
     * Whether to put in-JVM link proxies ({@link ProxyMesh}) in front of every client port and,
     * one per ordered pair of nodes, every route port, for link faults (latency, silence,
     * partitions); default false. With proxies, {@link NatsCluster#clientUrls()} gives the proxy
     * URLs and servers advertise them to clients.
     */
    public Builder linkProxies(boolean enabled) {
      this.linkProxies = enabled;
      return this;
    }

    /** The number of nodes, 1 to 32; default 3. */
    public Builder nodes(int nodes) {
      if (nodes < 1 || nodes > 32) {
        throw new IllegalArgumentException("nodes must be 1..32, got " + nodes);
      }
      this.nodes = nodes;
      return this;
    }

    /** The cluster name, also the prefix of node names; letters, digits, '-' and '_'. */
    public Builder clusterName(String name) {
      Objects.requireNonNull(name, "name");
      if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
        throw new IllegalArgumentException("cluster name must be 1-64 letters, digits, '-' or '_', got '"
            + name + "'");
      }
      this.clusterName = name;
      return this;
    }

    /** The nats-server executable; default: {@code $nats_server_path}, PATH, then /usr/sbin. */
    public Builder serverBinary(Path binary) {
      this.serverBinary = Optional.of(Objects.requireNonNull(binary, "binary"));
      return this;
    }

    /** How long one node may take to start, and the routes to form; default 30 s. */
    public Builder startTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive, got " + timeout);
      }
      this.startTimeout = timeout;
      return this;
    }

    /** Client authentication; default {@link AuthLayout#none()}. */
    public Builder auth(AuthLayout auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /** Client TLS; default {@link TlsLayout#NONE}. */
    public Builder tls(TlsLayout tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /**
     * Lines appended to every node's config, for example {@code max_payload: 65536}; must not
     * repeat the keys the cluster writes ({@code listen}, {@code http}, {@code cluster},
     * {@code server_name}, {@code ports_file_dir}, and the auth and TLS blocks).
     */
    public Builder extraConfig(String lines) {
      this.extraConfig = Objects.requireNonNull(lines, "lines");
      return this;
    }

    /** The parent directory for the work directory; default the system temp directory. */
    public Builder workDirectoryParent(Path parent) {
      this.workParent = Optional.of(Objects.requireNonNull(parent, "parent"));
      return this;
    }

    /** An unstarted cluster with these settings. */
    public NatsCluster build() {
      return new NatsCluster(this);
    }
  }
}
