package io.micronats.nats.cluster.proxy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The proxies of a local cluster of {@code nodes} servers: one {@link LinkProxy} in front of each
 * node's client port, one per ordered pair of nodes in front of the route port ({@code from}
 * dials {@code to} through {@link #route(int, int)}), and a sink that resets every connection,
 * for servers to advertise as their route address so that routes learnt by gossip cannot bypass
 * the proxies.
 *
 * <p>Thread-safe: fault methods delegate to the thread-safe proxies. The constructor does no I/O;
 * {@link #start()} binds every proxy; {@link #close()} is idempotent and bounded.
 *
 * <pre>{@code
 * NatsCluster cluster = NatsCluster.builder().nodes(3).linkProxies(true).build();
 * cluster.start();
 * cluster.proxies().partition(0, 1, PartitionMode.CUT);   // n1 and n2 lose their route
 * cluster.proxies().heal(0, 1);
 * }</pre>
 */
public final class ProxyMesh implements AutoCloseable {
  private final int nodes;
  private final List<LinkProxy> clients = new ArrayList<>();
  private final LinkProxy[][] routes;
  private final LinkProxy sink;

  /**
   * An unstarted mesh; the operators give a node's current client and route port (zero or less
   * while unknown), asked at every new connection.
   */
  public ProxyMesh(int nodes, IntUnaryOperator clientPortOf, IntUnaryOperator routePortOf) {
    if (nodes < 1) {
      throw new IllegalArgumentException("nodes must be at least 1, got " + nodes);
    }
    this.nodes = nodes;
    this.routes = new LinkProxy[nodes][nodes];
    for (int i = 0; i < nodes; i++) {
      int node = i;
      clients.add(LinkProxy.to("client-n" + (i + 1), () -> clientPortOf.applyAsInt(node)));
      for (int j = 0; j < nodes; j++) {
        int to = j;
        if (i != j) {
          routes[i][j] = LinkProxy.to("route-n" + (i + 1) + "-n" + (j + 1), () -> routePortOf.applyAsInt(to));
        }
      }
    }
    this.sink = LinkProxy.to("gossip-sink", () -> 0);
  }

  /** Binds every proxy; returns this mesh. */
  public ProxyMesh start() {
    for (LinkProxy p : all()) {
      p.start();
    }
    sink.refuse(true);
    return this;
  }

  /** The number of nodes. */
  public int nodes() {
    return nodes;
  }

  /** The proxy in front of the client port of node {@code node} (from 0). */
  public LinkProxy client(int node) {
    return clients.get(check(node));
  }

  /** Every client proxy, in node order. */
  public List<LinkProxy> clients() {
    return List.copyOf(clients);
  }

  /** The proxy node {@code from} dials to reach node {@code to}'s route port. */
  public LinkProxy route(int from, int to) {
    check(from);
    check(to);
    if (from == to) {
      throw new IllegalArgumentException("a node has no route to itself: " + from);
    }
    return routes[from][to];
  }

  /** The address servers advertise for routes: a proxy that resets every connection. */
  public String gossipSink() {
    return sink.address();
  }

  /** The client URL through the proxy, {@code nats://127.0.0.1:<port>}. */
  public String clientUrl(int node) {
    return "nats://" + client(node).address();
  }

  /** Both route proxies between {@code a} and {@code b}. */
  public List<LinkProxy> between(int a, int b) {
    return List.of(route(a, b), route(b, a));
  }

  /** Cuts or silences the routes between {@code a} and {@code b}; see {@link PartitionMode}. */
  public void partition(int a, int b, PartitionMode mode) {
    for (LinkProxy p : between(a, b)) {
      if (mode == PartitionMode.CUT) {
        p.down();
      } else {
        p.silence(Direction.BOTH);
      }
    }
  }

  /** Partitions every node of {@code side} from every node not in it. */
  public void partition(Collection<Integer> side, PartitionMode mode) {
    for (int a : side) {
      for (int b = 0; b < nodes; b++) {
        if (!side.contains(b)) {
          partition(a, b, mode);
        }
      }
    }
  }

  /** Removes every fault from the routes between {@code a} and {@code b}. */
  public void heal(int a, int b) {
    for (LinkProxy p : between(a, b)) {
      p.restore();
    }
  }

  /** Adds latency and jitter to every route of {@code node}, both ways. */
  public void delayRoutes(int node, Duration latency, Duration jitter) {
    for (int other = 0; other < nodes; other++) {
      if (other != node) {
        for (LinkProxy p : between(node, other)) {
          p.delay(latency, jitter);
        }
      }
    }
  }

  /** Removes every fault from every proxy except the gossip sink. */
  public void healAll() {
    for (LinkProxy p : clients) {
      p.restore();
    }
    for (int i = 0; i < nodes; i++) {
      for (int j = 0; j < nodes; j++) {
        if (i != j) {
          routes[i][j].restore();
        }
      }
    }
  }

  /** Closes every proxy; idempotent. */
  @Override
  public void close() {
    for (LinkProxy p : all()) {
      p.close();
    }
  }

  private List<LinkProxy> all() {
    List<LinkProxy> all = new ArrayList<>(clients);
    for (int i = 0; i < nodes; i++) {
      for (int j = 0; j < nodes; j++) {
        if (i != j) {
          all.add(routes[i][j]);
        }
      }
    }
    all.add(sink);
    return all;
  }

  private int check(int node) {
    if (node < 0 || node >= nodes) {
      throw new IndexOutOfBoundsException("node " + node + " of " + nodes);
    }
    return node;
  }
}
