package io.micronats.spi.rpc;

import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.MessagingException;
import io.micronats.spi.Names;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.TransportException;
import io.micronats.spi.internal.Deadline;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import io.micronats.spi.transport.Socket;
import io.micronats.spi.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Calls endpoints of services registered by {@link RpcServer}s: the client half of the RPC layer.
 *
 * <p>Thread-safe; meant to be shared by every thread of an application. A call looks the service
 * up in a cache fed by one registry watcher (the first call of a service queries the registry,
 * later calls do not, except that a service found without nodes is asked about again at most
 * every {@link Builder#notFoundRecheck} interval, and one with nodes every {@link Builder#refresh}
 * interval in the background, adding any node the first lookup missed), picks a node with the {@link Selector}, borrows a pooled connection to it
 * (one call at a time per connection; new connections are dialled when all are busy, so
 * concurrent calls never wait for each other), sends the request with the
 * {@value RpcHeaders#ENDPOINT} header and waits for the response. No lock is held during I/O and
 * no thread is created per call.
 *
 * <p>Failover: a request that certainly did not reach a server (nobody listening, a connection
 * found closed before sending) is tried on another node; a request that may have reached it (the
 * connection failed while waiting for the answer) is tried on another node only when the call is
 * {@linkplain CallOptions#idempotent() idempotent}. At most {@code maxAttempts} nodes are tried,
 * all within the call's one timeout.
 *
 * <p>Lifecycle: {@link #builder()} configures (no I/O); the first call starts the watcher thread
 * ({@code rpc-client-watch-<n>}, daemon); {@link #close()} stops it and closes the pooled
 * connections. The transport and registry are the caller's and stay open.
 *
 * <pre>{@code
 * try (RpcClient client = RpcClient.builder().transport(transport).registry(registry)
 *          .selector(Selectors.roundRobin()).timeout(Duration.ofSeconds(2)).build()) {
 *   Message reply = client.call("greeter", "Greeter.Hello", Message.of("world"));
 *   String text = client.callText("greeter", "Greeter.Hello", "world");
 * }
 * }</pre>
 */
public final class RpcClient implements AutoCloseable {

  /** Default call timeout: 5 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  /** Default number of idle connections kept per node: {@value}. */
  public static final int DEFAULT_MAX_IDLE_PER_NODE = 64;
  /** Default number of nodes tried per call: {@value}. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  private final Transport transport;
  private final Selector selector;
  private final Duration timeout;
  private final Duration dialTimeout;
  private final int maxAttempts;
  private final ConnectionPool pool;
  private final ServiceCache cache;
  private volatile boolean closed;

  private RpcClient(Builder b) {
    this.transport = Objects.requireNonNull(b.transport, "transport (call transport(...))");
    Registry registry = Objects.requireNonNull(b.registry, "registry (call registry(...))");
    this.selector = b.selector;
    this.timeout = b.timeout;
    this.dialTimeout = b.dialTimeout;
    this.maxAttempts = b.maxAttempts;
    this.pool = new ConnectionPool(transport, b.maxIdlePerNode);
    this.cache = new ServiceCache(registry, pool::evict, b.notFoundRecheck, b.refresh);
  }

  /** A builder; {@code transport} and {@code registry} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Calls with the client's default timeout; not idempotent. */
  public Message call(String service, String endpoint, Message request) throws InterruptedException {
    return call(service, endpoint, request, CallOptions.defaults());
  }

  /** Calls with {@code timeout}; not idempotent. */
  public Message call(String service, String endpoint, Message request, Duration timeout)
      throws InterruptedException {
    return call(service, endpoint, request, CallOptions.defaults().withTimeout(timeout));
  }

  /**
   * Calls {@code endpoint} of {@code service} and returns the response.
   *
   * @throws IllegalArgumentException when the service name is invalid or the endpoint blank
   * @throws ServiceNotFoundException when the registry knows no node of the service
   * @throws OperationTimeoutException when no response came within the timeout; the server may
   *     have processed the request, and the connection used is discarded
   * @throws NoRespondersException when no node could be reached; no server processed the request
   * @throws RemoteException when the server answered with an error (unknown endpoint, handler
   *     failure)
   * @throws TransportException when a connection failed after sending a non-idempotent request
   *     (the server may have processed it)
   * @throws io.micronats.spi.PayloadTooLargeException when the request is too large; nothing sent
   * @throws ClosedException when this client is closed
   * @throws InterruptedException when the calling thread is interrupted; the connection is discarded
   */
  public Message call(String service, String endpoint, Message request, CallOptions options)
      throws InterruptedException {
    Names.requireServiceName(service);
    Objects.requireNonNull(endpoint, "endpoint");
    if (endpoint.isBlank()) {
      throw new IllegalArgumentException("endpoint must not be blank: '" + endpoint + "'");
    }
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(options, "options");
    ensureOpen();
    Duration callTimeout = options.timeout().orElse(timeout);
    Deadline deadline = Deadline.after(callTimeout);
    List<Node> nodes = cache.nodes(service, deadline);
    if (nodes.isEmpty()) {
      throw new ServiceNotFoundException("service '" + service + "' not found (no registered node)");
    }
    Message wire = request.withHeader(RpcHeaders.ENDPOINT, endpoint);
    Call call = new Call(service, endpoint, wire, callTimeout, deadline, options.idempotent());
    List<Node> candidates = nodes;
    List<String> tried = null;
    MessagingException last = null;
    for (int attempt = 0; attempt < maxAttempts && !candidates.isEmpty(); attempt++) {
      Node node = selector.select(service, candidates);
      try {
        return call.on(node);
      } catch (Retryable failure) {
        last = failure.cause;
        tried = tried == null ? new ArrayList<>(maxAttempts) : tried;
        tried.add(node.id());
        candidates = without(candidates, node);
        if (deadline.expired()) {
          throw new OperationTimeoutException(call.describe() + " (nodes tried: " + tried + ")", callTimeout);
        }
      }
    }
    throw new NoRespondersException(call.describe() + ": no node answered (tried " + tried
        + ", last failure: " + (last == null ? "none" : last.getMessage()) + ")", last);
  }

  /** Calls with a UTF-8 text body and returns the response body as text. */
  public String callText(String service, String endpoint, String body) throws InterruptedException {
    return call(service, endpoint, Message.of(body)).bodyAsString();
  }

  /**
   * The services of {@code name} (every version, with their nodes) as this client's cache sees
   * them, looking the name up on first use.
   *
   * @throws ServiceNotFoundException when the registry knows no node of it
   */
  public List<Service> lookup(String name) throws InterruptedException {
    Names.requireServiceName(name);
    ensureOpen();
    List<Service> services = cache.services(name, Deadline.after(timeout));
    if (services.isEmpty() || services.stream().allMatch(s -> s.nodes().isEmpty())) {
      throw new ServiceNotFoundException("service '" + name + "' not found (no registered node)");
    }
    return services;
  }

  /** Stops the watcher and closes the pooled connections. Idempotent; bounded. */
  @Override
  public void close() {
    closed = true;
    cache.close();
    pool.close();
  }

  @Override
  public String toString() {
    return "RpcClient[transport " + transport.name() + "]";
  }

  private void ensureOpen() {
    if (closed) {
      throw new ClosedException("RPC client is closed");
    }
  }

  private static List<Node> without(List<Node> nodes, Node failed) {
    List<Node> rest = new ArrayList<>(nodes.size());
    for (Node node : nodes) {
      if (!node.id().equals(failed.id())) {
        rest.add(node);
      }
    }
    return rest;
  }

  /** A failure after which another node may be tried. */
  private static final class Retryable extends Exception {
    private static final long serialVersionUID = 1L;
    final MessagingException cause;

    Retryable(MessagingException cause) {
      super(null, null, false, false);
      this.cause = cause;
    }
  }

  /** One call's fixed parts, and one attempt on one node. */
  private final class Call {
    final String service;
    final String endpoint;
    final Message wire;
    final Duration callTimeout;
    final Deadline deadline;
    final boolean idempotent;

    Call(String service, String endpoint, Message wire, Duration callTimeout, Deadline deadline,
        boolean idempotent) {
      this.service = service;
      this.endpoint = endpoint;
      this.wire = wire;
      this.callTimeout = callTimeout;
      this.deadline = deadline;
      this.idempotent = idempotent;
    }

    String describe() {
      return "call to service '" + service + "' endpoint '" + endpoint + "'";
    }

    Message on(Node node) throws Retryable, InterruptedException {
      Socket socket = send(node);
      Message response;
      try {
        response = socket.receive(deadline.remaining());
      } catch (OperationTimeoutException e) {
        socket.close();
        throw new OperationTimeoutException(describe() + " on node '" + node.id() + "'", callTimeout);
      } catch (NoRespondersException e) {
        socket.close();
        pool.evict(node.address());
        throw new Retryable(e);
      } catch (ClosedException | TransportException e) {
        socket.close();
        pool.evict(node.address());
        if (idempotent) {
          throw new Retryable(e);
        }
        throw new TransportException(describe() + ": the connection to node '" + node.id()
            + "' failed while waiting for the response; the server may have processed the request"
            + " (mark the call idempotent to have it retried on another node)", e);
      } catch (InterruptedException | RuntimeException e) {
        socket.close();
        throw e;
      }
      pool.release(node.address(), socket);
      String error = response.headers().get(RpcHeaders.ERROR);
      if (error != null) {
        throw new RemoteException(service, endpoint, code(response), remoteText(response, error));
      }
      return response;
    }

    /** Sends on a pooled socket, or on a fresh one when the pooled one turns out dead. */
    private Socket send(Node node) throws Retryable {
      for (int round = 0; round < 2; round++) {
        ConnectionPool.Lease lease;
        try {
          lease = pool.acquire(node.address(), min(dialTimeout, deadline.remaining()));
        } catch (TransportException | ClosedException | OperationTimeoutException e) {
          pool.evict(node.address());
          throw new Retryable(e);
        }
        Socket socket = lease.socket();
        try {
          socket.send(wire);
          return socket;
        } catch (PayloadTooLargeException e) {
          pool.release(node.address(), socket);
          throw e;
        } catch (ClosedException | TransportException e) {
          socket.close();
          if (!lease.reused()) {
            pool.evict(node.address());
            throw new Retryable(e);
          }
          // A pooled connection found dead: drop the others too and dial once more.
          pool.evict(node.address());
        } catch (RuntimeException e) {
          socket.close();
          throw e;
        }
      }
      throw new Retryable(new NoRespondersException("node '" + node.id() + "' at '" + node.address()
          + "' closed every connection"));
    }
  }

  private static int code(Message response) {
    String raw = response.headers().get(RpcHeaders.ERROR_CODE);
    try {
      return raw == null ? RpcHeaders.INTERNAL_ERROR : Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      return RpcHeaders.INTERNAL_ERROR;
    }
  }

  private static String remoteText(Message response, String header) {
    return response.bodyLength() > 0 ? response.bodyAsString() : header;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * Configures an {@link RpcClient}. Not thread-safe; {@link #build()} does no I/O.
   */
  public static final class Builder {
    private @Nullable Transport transport;
    private @Nullable Registry registry;
    private Selector selector = Selectors.random();
    private Duration timeout = DEFAULT_TIMEOUT;
    private Duration dialTimeout = Duration.ofSeconds(Transport.DEFAULT_DIAL_TIMEOUT_SECONDS);
    private int maxIdlePerNode = DEFAULT_MAX_IDLE_PER_NODE;
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration notFoundRecheck = ServiceCache.EMPTY_RECHECK;
    private Duration refresh = ServiceCache.REFRESH;

    private Builder() {}

    /** The transport to dial nodes with (required; not closed by the client). */
    public Builder transport(Transport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /** The registry to look services up in (required; not closed by the client). */
    public Builder registry(Registry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** How to pick a node; default {@link Selectors#random()}. */
    public Builder selector(Selector selector) {
      this.selector = Objects.requireNonNull(selector, "selector");
      return this;
    }

    /** The default call timeout; default 5 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = positive("timeout", timeout);
      return this;
    }

    /** The longest a dial may take (within the call's timeout); default 5 s. */
    public Builder dialTimeout(Duration timeout) {
      this.dialTimeout = positive("dial timeout", timeout);
      return this;
    }

    /** Idle connections kept per node; default {@value RpcClient#DEFAULT_MAX_IDLE_PER_NODE}. */
    public Builder maxIdlePerNode(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("maxIdlePerNode must not be negative, was " + max);
      }
      this.maxIdlePerNode = max;
      return this;
    }

    /** Nodes tried per call, at least 1; default {@value RpcClient#DEFAULT_MAX_ATTEMPTS}. */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /**
     * How long a service found without nodes is answered from the cache ({@link
     * ServiceNotFoundException} at once) before a call asks the registry again; default 500 ms.
     * The watcher reports new nodes sooner, but it reports changes only: a lookup that missed
     * nodes which exist (answers too late on a loaded machine) is corrected only by asking again.
     */
    public Builder notFoundRecheck(Duration interval) {
      this.notFoundRecheck = positive("not-found recheck interval", interval);
      return this;
    }

    /**
     * How often the registry is asked again, in the background, about a service the client knows
     * nodes of, adding the nodes it had missed (a lookup can hear only some instances, and the
     * watcher reports changes, not the state); default 60 s, go-micro's cache TTL. No call waits
     * for it, and nodes are removed only by watch events.
     */
    public Builder refresh(Duration interval) {
      this.refresh = positive("refresh interval", interval);
      return this;
    }

    /**
     * The client (no I/O yet).
     *
     * @throws NullPointerException naming the missing setting
     */
    public RpcClient build() {
      return new RpcClient(this);
    }

    private static Duration positive(String what, Duration d) {
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(what + " must be positive, was " + d);
      }
      return d;
    }
  }
}
