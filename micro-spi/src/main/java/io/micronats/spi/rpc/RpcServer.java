package io.micronats.spi.rpc;

import io.micronats.spi.Message;
import io.micronats.spi.Names;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.internal.NamedThreadFactory;
import io.micronats.spi.registry.Endpoint;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.ExchangeHandler;
import io.micronats.spi.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A named, versioned service serving endpoints over a {@link Transport}, registered in a
 * {@link Registry}: the server half of the RPC layer.
 *
 * <p>Thread-safe. Lifecycle: {@link #builder()} configures (no I/O); {@link #start()} listens on
 * the transport (on a fresh address unless one is configured), registers one node (id
 * {@code <name>-<random>}, address the listener's) with the TTL, and re-registers every TTL/3 on a
 * scheduler shared by all servers of the process (two daemon threads
 * {@code rpc-server-reregister-<n>}, so 5,000 servers do not cost 5,000 threads; a re-registration
 * that blocks, for example on a reconnecting registry, delays the others on it: give a server
 * its own with {@link Builder#scheduler}); it serves through
 * {@link Transport#serve}, so each request is handled on a transport thread (see
 * {@link ExchangeHandler} for which) by the endpoint its {@value RpcHeaders#ENDPOINT} header
 * names; {@link #close()} stops re-registering (waiting up to 1 s for a re-registration in
 * progress), deregisters and closes the listener (and with it every connection). It does not close the transport or the registry, which the caller owns.
 *
 * <pre>{@code
 * try (RpcServer server = RpcServer.builder()
 *     .name("greeter").version("1.0.0").transport(transport).registry(registry)
 *     .endpoint("Greeter.Hello", request -> Message.of("hello " + request.bodyAsString()))
 *     .build()
 *     .start()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>A failing handler or an unknown endpoint is answered with an error response (see
 * {@link RpcHeaders}); the connection and the listener keep serving.
 */
public final class RpcServer implements AutoCloseable {

  /** Default registration TTL: 30 seconds. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);

  private static final System.Logger LOG = System.getLogger(RpcServer.class.getName());
  private static final int MAX_ERROR_HEADER = 1000;

  private enum State { NEW, STARTING, RUNNING, CLOSED }

  private final String name;
  private final String version;
  private final Transport transport;
  private final Registry registry;
  private final Map<String, RpcHandler> endpoints;
  private final Duration ttl;
  private final Duration reregisterInterval;
  private final @Nullable String address;
  private final Map<String, String> metadata;
  private final String nodeId;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private volatile @Nullable Listener listener;
  private final AtomicReference<@Nullable Service> registration = new AtomicReference<>();
  private final @Nullable ScheduledExecutorService ownScheduler;
  private final AtomicReference<@Nullable ScheduledFuture<?>> refreshTask = new AtomicReference<>();
  /** Held while re-registering, so that close() can wait for a refresh in progress (bounded). */
  private final ReentrantLock refreshing = new ReentrantLock();

  /** The scheduler shared by every server that was not given one; created on first use. */
  private static final class Shared {
    static final ScheduledThreadPoolExecutor SCHEDULER = create();

    private static ScheduledThreadPoolExecutor create() {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2,
          new NamedThreadFactory("rpc-server-reregister"));
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }

  private RpcServer(Builder b) {
    this.name = Names.requireServiceName(Objects.requireNonNull(b.name, "name (call name(...))"));
    this.version = b.version;
    this.transport = Objects.requireNonNull(b.transport, "transport (call transport(...))");
    this.registry = Objects.requireNonNull(b.registry, "registry (call registry(...))");
    this.endpoints = Map.copyOf(b.endpoints);
    this.ttl = b.ttl;
    this.reregisterInterval = b.reregisterInterval != null ? b.reregisterInterval : ttl.dividedBy(3);
    if (reregisterInterval.compareTo(ttl) >= 0) {
      throw new IllegalArgumentException("re-register interval " + reregisterInterval
          + " must be shorter than the TTL " + ttl);
    }
    this.address = b.address;
    this.ownScheduler = b.scheduler;
    this.metadata = Map.copyOf(b.metadata);
    this.nodeId = name + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A builder; {@code name}, {@code transport} and {@code registry} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Listens and registers. Idempotent.
   *
   * @return this server
   * @throws IllegalStateException when {@link #close()} was called
   * @throws io.micronats.spi.MessagingException when listening or the first registration failed;
   *     the server is then closed
   */
  public RpcServer start() {
    if (!state.compareAndSet(State.NEW, State.STARTING)) {
      if (state.get() == State.CLOSED) {
        throw new IllegalStateException("server '" + name + "': close() already called");
      }
      return this;
    }
    Service service = null;
    try {
      Listener opened = address != null
          ? transport.serve(address, new Exchanges()) : transport.serve(new Exchanges());
      listener = opened;
      service = new Service(name, version, Map.of(), endpointList(),
          List.of(new Node(nodeId, opened.address(), nodeMetadata())));
      registration.set(service);
      registry.register(service, RegisterOptions.ttl(ttl));
      ScheduledExecutorService executor = ownScheduler != null ? ownScheduler : Shared.SCHEDULER;
      long period = reregisterInterval.toNanos();
      refreshTask.set(executor.scheduleAtFixedRate(this::reregister, period, period, TimeUnit.NANOSECONDS));
    } catch (RuntimeException e) {
      state.set(State.CLOSED);
      release();
      throw e;
    }
    if (!state.compareAndSet(State.STARTING, State.RUNNING)) {
      registration.set(service); // close() ran meanwhile and may have missed what start() did after it
      release();
      throw new IllegalStateException("server '" + name + "' was closed while starting");
    }
    return this;
  }

  /** The service name. */
  public String name() {
    return name;
  }

  /** The service version. */
  public String version() {
    return version;
  }

  /** The id of the node this server registers. */
  public String nodeId() {
    return nodeId;
  }

  /**
   * The transport address this server listens on.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  public String address() {
    Listener current = listener;
    if (current == null) {
      throw new IllegalStateException("server '" + name + "' is not listening; call start() first");
    }
    return current.address();
  }

  /** True between a successful {@link #start()} and {@link #close()}. */
  public boolean isRunning() {
    return state.get() == State.RUNNING;
  }

  /** Deregisters, stops listening and closes every connection. Idempotent; bounded. */
  @Override
  public void close() {
    State previous = state.getAndSet(State.CLOSED);
    if (previous == State.CLOSED || previous == State.NEW) {
      return;
    }
    release();
  }

  /** Stops re-registering, deregisters and stops listening; each part at most once. */
  private void release() {
    ScheduledFuture<?> task = refreshTask.getAndSet(null);
    if (task != null) {
      task.cancel(false);
    }
    awaitRefreshInProgress();
    Service service = registration.getAndSet(null);
    if (service != null) {
      try {
        registry.deregister(service);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "server '" + name + "' could not deregister node "
            + nodeId + "; it expires with its TTL", e);
      }
    }
    Listener opened = listener;
    if (opened != null) {
      opened.close(); // idempotent; the field stays so that address() keeps answering
    }
  }

  /** Waits up to 1 s for a re-registration running now, so that it cannot follow the deregistration. */
  private void awaitRefreshInProgress() {
    if (refreshing.isHeldByCurrentThread()) {
      return; // close() called from inside a registry callback of our own refresh
    }
    try {
      if (refreshing.tryLock(1, TimeUnit.SECONDS)) {
        refreshing.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "RpcServer[" + name + " " + version + ", node " + nodeId + "]";
  }

  private void reregister() {
    refreshing.lock();
    try {
      Service service = registration.get();
      if (service == null || state.get() == State.CLOSED) {
        return;
      }
      registry.register(service, RegisterOptions.ttl(ttl));
    } catch (RuntimeException e) {
      // The thread boundary: a failed refresh is logged and retried at the next tick.
      LOG.log(System.Logger.Level.WARNING, "server '" + name + "' could not re-register node " + nodeId, e);
    } finally {
      refreshing.unlock();
    }
  }

  /** The server's side of each exchange: the endpoint's answer, or an error response. */
  private final class Exchanges implements ExchangeHandler {
    @Override
    public Message exchange(Message request) {
      return dispatch(request);
    }

    @Override
    public Message replyTooLarge(Message request, PayloadTooLargeException e) {
      return error(RpcHeaders.INTERNAL_ERROR, "response of endpoint '"
          + request.headers().get(RpcHeaders.ENDPOINT) + "' is too large: " + e.getMessage());
    }
  }

  private Message dispatch(Message request) {
    String endpoint = request.headers().get(RpcHeaders.ENDPOINT);
    if (endpoint == null) {
      return error(RpcHeaders.BAD_REQUEST, "request to service '" + name + "' has no '"
          + RpcHeaders.ENDPOINT + "' header");
    }
    RpcHandler handler = endpoints.get(endpoint);
    if (handler == null) {
      return error(RpcHeaders.NOT_FOUND, "service '" + name + "' has no endpoint '" + endpoint + "'");
    }
    try {
      Message response = handler.handle(request);
      if (response == null) { // a @NullMarked contract, but handlers are foreign code
        return error(RpcHeaders.INTERNAL_ERROR, "endpoint '" + endpoint + "' returned no message");
      }
      return response;
    } catch (Exception e) {
      // The thread boundary of the handler: its failure becomes an error response.
      LOG.log(System.Logger.Level.DEBUG, "endpoint '" + endpoint + "' of '" + name + "' failed", e);
      return error(RpcHeaders.INTERNAL_ERROR, e.getMessage() != null ? e.getMessage() : e.toString());
    }
  }

  private static Message error(int code, String text) {
    Map<String, String> headers = new LinkedHashMap<>(4);
    headers.put(RpcHeaders.ERROR, headerSafe(text));
    headers.put(RpcHeaders.ERROR_CODE, Integer.toString(code));
    return new Message(headers, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Printable ASCII only, at most {@value #MAX_ERROR_HEADER} characters: safe in any header encoding. */
  private static String headerSafe(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_ERROR_HEADER));
    for (int i = 0; i < text.length() && out.length() < MAX_ERROR_HEADER; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : ' ');
    }
    String safe = out.toString().trim();
    return safe.isEmpty() ? "error" : safe;
  }

  private List<Endpoint> endpointList() {
    List<Endpoint> list = new ArrayList<>();
    endpoints.keySet().stream().sorted().forEach(e -> list.add(Endpoint.of(e)));
    return list;
  }

  private Map<String, String> nodeMetadata() {
    Map<String, String> all = new LinkedHashMap<>(metadata);
    all.putIfAbsent("transport", transport.name());
    all.putIfAbsent("registry", registry.name());
    all.putIfAbsent("protocol", "micronats-rpc");
    return all;
  }

  /**
   * Configures an {@link RpcServer}. Not thread-safe; {@link #build()} does no I/O and may be
   * called more than once.
   */
  public static final class Builder {
    private @Nullable String name;
    private String version = "latest";
    private @Nullable Transport transport;
    private @Nullable Registry registry;
    private final Map<String, RpcHandler> endpoints = new LinkedHashMap<>();
    private Duration ttl = DEFAULT_TTL;
    private @Nullable Duration reregisterInterval;
    private @Nullable String address;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private @Nullable ScheduledExecutorService scheduler;

    private Builder() {}

    /**
     * The scheduler that runs this server's re-registrations (not shut down by the server);
     * default one shared by all servers of the process.
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** The service name (required), validated by {@link Names#requireServiceName}. */
    public Builder name(String name) {
      this.name = Names.requireServiceName(name);
      return this;
    }

    /** The service version; default {@code latest}. */
    public Builder version(String version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /** The transport to listen on (required; not closed by the server). */
    public Builder transport(Transport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /** The registry to register in (required; not closed by the server). */
    public Builder registry(Registry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** Adds (or replaces) the endpoint {@code name}. */
    public Builder endpoint(String name, RpcHandler handler) {
      Objects.requireNonNull(name, "endpoint name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("endpoint name must not be blank: '" + name + "'");
      }
      endpoints.put(name, Objects.requireNonNull(handler, "handler"));
      return this;
    }

    /** Adds every endpoint of {@code handlers}. */
    public Builder endpoints(Map<String, RpcHandler> handlers) {
      handlers.forEach(this::endpoint);
      return this;
    }

    /** The registration TTL; default 30 s. */
    public Builder ttl(Duration ttl) {
      if (ttl.isZero() || ttl.isNegative()) {
        throw new IllegalArgumentException("TTL must be positive, was " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /** How often to re-register; default TTL/3; must be shorter than the TTL. */
    public Builder reregisterInterval(Duration interval) {
      if (interval.isZero() || interval.isNegative()) {
        throw new IllegalArgumentException("re-register interval must be positive, was " + interval);
      }
      this.reregisterInterval = interval;
      return this;
    }

    /** A fixed transport address to listen on; default a fresh one from the transport. */
    public Builder address(String address) {
      this.address = Names.requireAddress(address);
      return this;
    }

    /** Adds node metadata (the server adds {@code transport}, {@code registry}, {@code protocol}). */
    public Builder metadata(String key, String value) {
      metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * The server, not yet started.
     *
     * @throws NullPointerException naming the missing setting
     * @throws IllegalArgumentException when the re-register interval is not shorter than the TTL
     */
    public RpcServer build() {
      return new RpcServer(this);
    }
  }
}
