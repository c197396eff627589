package io.micronats.nats.cluster.proxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy inside the JVM that listens on 127.0.0.1 and forwards every connection to a target
 * port, with link faults that need no root: added latency and jitter, silence without closing
 * (a blackholed link: bytes are held and the sender is pushed back through TCP, sockets stay
 * open), cutting every connection (reset), refusing new connections, and restoring.
 *
 * <p>Thread-safe: fault methods may be called from any thread and take effect at once for
 * existing and new connections. The constructor does no I/O; {@link #start()} binds the port and
 * starts one acceptor thread; every forwarded connection has four daemon threads (a reader and a
 * writer each way). {@link #close()} is idempotent and bounded (about 2 s).
 *
 * <pre>{@code
 * try (LinkProxy proxy = LinkProxy.to("n1-client", node.clientPort()).start()) {
 *   Connection c = Nats.connect("nats://" + proxy.address());
 *   proxy.silence(Direction.BOTH);   // the client sees nothing until its pings fail
 *   proxy.restore();
 * }
 * }</pre>
 *
 * <p>Not a packet-level emulator: there is no loss or reordering inside a TCP stream (TCP would
 * hide them anyway); latency applies per chunk read, not per packet.
 */
public final class LinkProxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LinkProxy.class);
  private static final int CONNECT_TIMEOUT_MILLIS = 2000;
  private static final long CLOSE_WAIT_MILLIS = 2000;

  private final String name;
  private final IntSupplier targetPort;
  private final int listenPort;
  private final Gate gate = new Gate();
  private final Set<ProxiedLink> links = ConcurrentHashMap.newKeySet();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong cut = new AtomicLong();
  private final AtomicLong upBytes = new AtomicLong();
  private final AtomicLong downBytes = new AtomicLong();
  private final AtomicLong sequence = new AtomicLong();
  private final Object lifecycle = new Object();
  private @Nullable ServerSocket server;
  private @Nullable Thread acceptor;
  private volatile boolean closed;

  private LinkProxy(String name, IntSupplier targetPort, int listenPort) {
    this.name = name;
    this.targetPort = targetPort;
    this.listenPort = listenPort;
  }

  /**
   * An unstarted proxy to {@code 127.0.0.1:targetPort}. The supplier is asked at every new
   * connection, so the target may be unknown (zero or less: the connection is reset) when the
   * proxy starts, or move.
   *
   * @param name names the threads and log lines, for example {@code "n1->n2"}
   */
  public static LinkProxy to(String name, IntSupplier targetPort) {
    return new LinkProxy(Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(targetPort, "targetPort"), 0);
  }

  /** An unstarted proxy to the fixed {@code 127.0.0.1:targetPort}. */
  public static LinkProxy to(String name, int targetPort) {
    if (targetPort <= 0 || targetPort > 65535) {
      throw new IllegalArgumentException("targetPort must be 1..65535, got " + targetPort);
    }
    return to(name, () -> targetPort);
  }

  /**
   * Binds a free port on 127.0.0.1 and starts accepting; no effect when already started.
   *
   * @return this proxy
   * @throws java.io.UncheckedIOException when the port cannot be bound
   * @throws IllegalStateException after {@link #close()}
   */
  public LinkProxy start() {
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("LinkProxy " + name + " was closed");
      }
      if (server != null) {
        return this;
      }
      try {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(false);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), listenPort), 128);
        server = s;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("LinkProxy " + name + " cannot bind 127.0.0.1: "
            + e.getMessage(), e);
      }
      Thread t = new Thread(this::acceptLoop, "linkproxy-" + name + "-accept");
      t.setDaemon(true);
      acceptor = t;
      t.start();
      return this;
    }
  }

  /** The proxy's name. */
  public String name() {
    return name;
  }

  /**
   * The port the proxy listens on.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public int port() {
    synchronized (lifecycle) {
      ServerSocket s = server;
      if (s == null) {
        throw new IllegalStateException("LinkProxy " + name + " has not been started");
      }
      return s.getLocalPort();
    }
  }

  /** {@code 127.0.0.1:<port>}; see {@link #port()}. */
  public String address() {
    return "127.0.0.1:" + port();
  }

  /** The faults in force now. */
  public LinkShape shape() {
    return gate.shape();
  }

  /**
   * Adds {@code latency} plus or minus {@code jitter} to every chunk in both directions, from now
   * on (bytes already queued keep their time).
   */
  public void delay(Duration latency, Duration jitter) {
    LinkShape s = gate.update(old -> old.withDelay(latency, jitter));
    LOG.info("link {}: delay {} +- {}", name, s.latency(), s.jitter());
  }

  /**
   * Holds the bytes flowing in {@code direction} without closing anything: the link goes silent,
   * like a blackhole or a hung peer. The sender fills its socket buffers and then blocks; nothing
   * is lost unless a side gives up and closes. {@link #restore()} or {@link #speak(Direction)}
   * lets the held bytes through.
   */
  public void silence(Direction direction) {
    gate.update(old -> old.withSilence(direction, true));
    LOG.info("link {}: silent {}", name, direction);
  }

  /** Ends the silence in {@code direction}. */
  public void speak(Direction direction) {
    gate.update(old -> old.withSilence(direction, false));
    LOG.info("link {}: speaking {}", name, direction);
  }

  /** Resets (RST) every open connection now; new connections are still accepted. */
  public void cut() {
    List<ProxiedLink> open = List.copyOf(links);
    for (ProxiedLink l : open) {
      if (!l.isClosed()) {
        cut.incrementAndGet();
      }
      l.close(true);
    }
    LOG.info("link {}: cut {} connections", name, open.size());
  }

  /** Refuses new connections (each is accepted and reset at once) or accepts them again. */
  public void refuse(boolean refusing) {
    gate.update(old -> old.withRefusing(refusing));
    LOG.info("link {}: {}", name, refusing ? "refusing new connections" : "accepting connections");
  }

  /** Cuts every connection and refuses new ones: the link is down until {@link #restore()}. */
  public void down() {
    refuse(true);
    cut();
  }

  /** Removes every fault: no delay, no silence, accepting; held bytes flow on. */
  public void restore() {
    gate.set(LinkShape.HEALTHY);
    LOG.info("link {}: restored", name);
  }

  /** The counters now. */
  public ProxyStats stats() {
    return new ProxyStats(accepted.get(), refused.get(), links.size(), cut.get(), upBytes.get(),
        downBytes.get());
  }

  /** Closes the listener and every connection and waits (bounded) for the threads; idempotent. */
  @Override
  public void close() {
    ServerSocket s;
    Thread t;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      s = server;
      t = acceptor;
    }
    gate.close();
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // nothing left to release
      }
    }
    List<ProxiedLink> open = List.copyOf(links);
    for (ProxiedLink l : open) {
      l.close(false);
    }
    long deadline = System.currentTimeMillis() + CLOSE_WAIT_MILLIS;
    try {
      if (t != null) {
        t.join(Math.max(1, deadline - System.currentTimeMillis()));
      }
      for (ProxiedLink l : open) {
        l.join(Math.max(1, deadline - System.currentTimeMillis()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    ServerSocket s = server;
    return "LinkProxy[" + name + ", " + (s == null ? "unstarted" : s.getLocalPort()) + " -> "
        + targetPort.getAsInt() + ", " + gate.shape() + "]";
  }

  // ---- internals ----

  private void acceptLoop() {
    ServerSocket s = server;
    if (s == null) {
      return;
    }
    while (!closed) {
      Socket in;
      try {
        in = s.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("link {}: accept failed: {}", name, e.toString());
        }
        return;
      }
      handle(in);
    }
  }

  private void handle(Socket in) {
    if (gate.shape().refusing() || closed) {
      refused.incrementAndGet();
      reset(in);
      return;
    }
    int port = targetPort.getAsInt();
    if (port <= 0) {
      refused.incrementAndGet();
      reset(in);
      return;
    }
    Socket out = new Socket();
    try {
      in.setTcpNoDelay(true);
      out.setTcpNoDelay(true);
      out.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
    } catch (IOException e) {
      LOG.debug("link {}: target 127.0.0.1:{} unreachable: {}", name, port, e.toString());
      refused.incrementAndGet();
      reset(in);
      reset(out);
      return;
    }
    accepted.incrementAndGet();
    ProxiedLink link = new ProxiedLink("linkproxy-" + name + "-" + sequence.incrementAndGet(), in, out,
        gate, upBytes, downBytes, links::remove);
    links.add(link);
    if (closed) {
      link.close(false);
      return;
    }
    link.start();
  }

  private static void reset(Socket s) {
    try {
      s.setSoLinger(true, 0);
    } catch (SocketException e) {
      // already closed
    }
    try {
      s.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
