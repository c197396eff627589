package io.micronats.nats.transport;

import io.micronats.nats.connection.ConnectionEvent;
import io.micronats.nats.connection.ConnectionEventListener;
import io.micronats.nats.connection.NatsConnections;
import io.micronats.nats.connection.Secrets;
import io.micronats.nats.internal.Flush;
import io.micronats.nats.internal.HeaderCodec;
import io.micronats.nats.internal.LazyConnection;
import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.Names;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.TransportException;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.transport.AcceptHandler;
import io.micronats.spi.transport.ExchangeHandler;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.micronats.spi.transport.Transport;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.NUID;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NATS transport: socket-like pseudo-connections over NATS subjects.
 *
 * <p>Thread-safe. It connects lazily (on the first listen or dial) through one jnats connection,
 * shared per settings in the process. One jnats dispatcher thread handles its listeners' subjects
 * (connection opens) and close notices; each socket reads its own synchronous subscription on the
 * thread that calls {@code receive}, so a message costs no hand-off between threads. Each accepted
 * connection of a {@link #listen} listener runs its {@link AcceptHandler} on a handler thread of
 * its own; a {@link #serve} listener instead answers every connection's requests on a few jnats
 * dispatcher threads ({@value #SERVE_THREADS}, default {@value #DEFAULT_SERVE_THREADS}), as a raw
 * jnats responder does. {@link #close()} closes every listener and socket it opened and waits up
 * to 5 s for the handler threads.
 *
 * <pre>{@code
 * try (NatsTransport transport = NatsTransport.builder()
 *         .config(PluginConfig.of("addresses", "nats://127.0.0.1:4222")).build();
 *      Listener listener = transport.listen(socket -> socket.send(socket.receive(Duration.ofSeconds(5))));
 *      Socket client = transport.dial(listener.address())) {
 *   client.send(Message.of("ping"));
 *   Message echo = client.receive(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Wire protocol: a dial subscribes a fresh inbox and sends an open message to the listener's
 * subject; the listener subscribes a fresh connection subject and acknowledges from it; from then
 * on each end sends to the other's subject with its own as reply subject. Headers travel as NATS
 * headers ({@code Mn-} names are reserved for control messages; see {@code HeaderCodec}).
 *
 * <p>How it differs from go-micro's NATS transport: a close reaches the peer at once (an in-order
 * close message for its receives, an out-of-band notice for its sends; a vanished peer shows up
 * through NATS no-responders statuses); each socket's backlog is bounded ({@link Builder#backlog})
 * and an overflow closes that socket with a clear error on both ends; a message larger than the server's advertised maximum payload
 * fails with {@link PayloadTooLargeException} before anything is sent; dialling an address where
 * nobody listens fails with {@link NoRespondersException} within {@link Builder#dialGrace}; a
 * second listener on an address in use is refused.
 */
public final class NatsTransport implements Transport {

  /** Settings key: the backlog per socket, in messages (default {@value #DEFAULT_BACKLOG}). */
  public static final String BACKLOG = "backlog";
  /** Settings key: how long a dial keeps retrying while the server reports no responders (default 250ms). */
  public static final String DIAL_GRACE = "dial.grace";
  /** Settings key: the number of serve dispatcher threads (default {@value #DEFAULT_SERVE_THREADS}). */
  public static final String SERVE_THREADS = "serve.threads";
  /** The default backlog per socket, in messages. */
  public static final int DEFAULT_BACKLOG = 8192;
  /** Settings key: the backlog per socket, in bytes (default {@value #DEFAULT_BACKLOG_BYTES}). */
  public static final String BACKLOG_BYTES = "backlog.bytes";
  /** The default backlog per socket, in bytes: 64 MiB. */
  public static final long DEFAULT_BACKLOG_BYTES = 64L * 1024 * 1024;
  /** Settings key: the most accept-mode handler threads at once (default {@value #DEFAULT_ACCEPT_THREADS}). */
  public static final String ACCEPT_THREADS = "accept.threads";
  /** The default number of accept-mode handler threads at most. */
  public static final int DEFAULT_ACCEPT_THREADS = 512;
  /** Settings key: how long a server socket may be idle before it is closed (default 5m; 0 never). */
  public static final String IDLE_TIMEOUT = "idle.timeout";
  /** The default idle timeout of server sockets. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
  /** The default number of serve dispatcher threads. */
  public static final int DEFAULT_SERVE_THREADS = 1;

  private static final Logger LOG = LoggerFactory.getLogger(NatsTransport.class);
  private static final byte[] EMPTY = new byte[0];

  private final PluginConfig config;
  private final int backlog;
  private final long backlogBytes;
  private final Duration idleTimeout;
  private final Duration dialGrace;
  private final Counters counters = new Counters();
  private volatile java.util.concurrent.@Nullable ScheduledExecutorService sweeper;
  private final SocketTable sockets = new SocketTable();
  private final ListenerTable listeners;
  private final ServeDispatchers serveDispatchers;
  private final HandlerPool handlers;
  private final AtomicLong ids = new AtomicLong();
  private final String inboxPrefix = "_INBOX." + NUID.nextGlobal();
  private final ConnectionEventListener slowConsumers = this::onConnectionEvent;
  private final LazyConnection link;

  private NatsTransport(Builder b) {
    this.config = b.config;
    this.backlog = b.backlog;
    this.backlogBytes = b.backlogBytes;
    this.idleTimeout = b.idleTimeout;
    this.handlers = new HandlerPool(counters, b.acceptThreads);
    this.dialGrace = b.dialGrace;
    this.listeners = new ListenerTable(this, b.listenProbe);
    this.serveDispatchers = new ServeDispatchers(b.serveThreads);
    this.link = new LazyConnection(config, "transport is closed",
        e -> new TransportException("cannot connect to NATS at " + Secrets.mask(config.addresses()) + ": "
            + Secrets.mask(String.valueOf(e.getMessage())), e),
        this::setUp).renewing(this::endAll, this::release);
  }

  /** A builder with the defaults: local server, backlog {@value #DEFAULT_BACKLOG}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NatsTransportProvider.NAME;
  }

  @Override
  public Listener listen(String address, AcceptHandler handler) {
    return listenAt(Names.requireAddress(address), Objects.requireNonNull(handler, "handler"), null);
  }

  @Override
  public Listener listen(AcceptHandler handler) {
    return listenAnywhere(Objects.requireNonNull(handler, "handler"), null);
  }

  /**
   * Serves exchanges on {@code address} without a thread per connection: each connection's
   * subject is subscribed on one of {@value #SERVE_THREADS} jnats dispatchers (round robin), whose
   * thread runs {@code handler} and publishes the reply straight to the client's subject. Clients
   * dial and use sockets as for {@link #listen}; the wire protocol is the same.
   */
  @Override
  public Listener serve(String address, ExchangeHandler handler) {
    return listenAt(Names.requireAddress(address), null, Objects.requireNonNull(handler, "handler"));
  }

  @Override
  public Listener serve(ExchangeHandler handler) {
    return listenAnywhere(null, Objects.requireNonNull(handler, "handler"));
  }

  @Override
  public Socket dial(String address, Duration timeout) {
    Names.requireAddress(address);
    Objects.requireNonNull(timeout, "timeout");
    Connection c = link.open();
    String inbox = inboxPrefix + ".c" + ids.incrementAndGet();
    NatsSocket socket;
    try {
      socket = newSocket(c, true, inbox, address, address, inbox, null);
    } catch (IllegalStateException e) { // the connection closed just now
      throw new TransportException("dial to '" + address + "' failed: " + e.getMessage(), e);
    }
    return Handshake.open(this, socket, address, timeout, dialGrace);
  }

  @Override
  public long maxPayloadBytes() {
    return link.open().getMaxPayload() - Wire.SEQUENCE_OVERHEAD;
  }

  /** A snapshot of this transport's counters. */
  public TransportStats stats() {
    return counters.snapshot();
  }

  @Override
  public void close() {
    link.close(this::endAll, this::tearDown);
  }

  private void endAll() {
    listeners.closeAll();
    sockets.closeAll();
  }

  /** Gives up the resources of a connection jnats closed for good; setUp makes them anew. */
  private void release(Connection c) {
    listeners.detach(c);
    serveDispatchers.release(c);
    NatsConnections.removeListener(c, slowConsumers);
    java.util.concurrent.ScheduledExecutorService sw = sweeper;
    if (sw != null) {
      sw.shutdownNow();
    }
    handlers.close();
  }

  private void tearDown(Connection c) {
    {
      flushGoodbyes(c);
      listeners.detach(c);
      serveDispatchers.close(c);
      NatsConnections.removeListener(c, slowConsumers);
      java.util.concurrent.ScheduledExecutorService sw = sweeper;
      if (sw != null) {
        sw.shutdownNow();
      }
      handlers.close();
    }
  }

  /**
   * Waits (briefly) until the server has the close notices just sent: releasing the connection
   * may close it, and jnats does not flush what is still buffered when it closes.
   */
  private static void flushGoodbyes(Connection c) {
    try {
      Flush.await(c, Duration.ofSeconds(1));
    } catch (TimeoutException | RuntimeException e) {
      LOG.debug("close notices may not have reached the server: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "NatsTransport[" + Secrets.mask(config.addresses()) + ", listeners=" + listeners.size() + ", sockets=" + sockets.size() + "]";
  }

  // ---- used by sockets and listeners ----

  int backlog() {
    return backlog;
  }

  long backlogBytes() {
    return backlogBytes;
  }

  Counters counters() {
    return counters;
  }

  /**
   * Publishes a data message with its sequence headers after checking its size: the body plus
   * the user headers must fit {@link #maxPayloadBytes()}, which keeps room for the largest
   * sequence headers, so a message's admission never depends on how far its socket has counted.
   */
  void publish(String subject, String reply, Map<String, String> user, Map<String, String> sequence,
      Message message, String destination) {
    Connection c = requireConnection();
    // The user headers are encoded once: measured against the limit, then the sequence headers
    // are added to the same block (encoding them twice was a visible share of a call's CPU).
    Headers headers = HeaderCodec.encode(user);
    int userHeaders = headers == null ? 0 : HeaderCodec.size(headers) - Wire.EMPTY_BLOCK;
    long size = (long) message.bodyLength() + userHeaders;
    long limit = c.getMaxPayload() - Wire.SEQUENCE_OVERHEAD;
    if (size > limit) {
      throw new PayloadTooLargeException(destination, size, limit);
    }
    headers = HeaderCodec.withControl(headers, sequence);
    try {
      c.publish(subject, reply, headers, message.bodyLength() == 0 ? EMPTY : message.body());
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new TransportException("sending to '" + destination + "' failed: " + e.getMessage(), e);
    }
  }

  /** Sends a control message, best effort: a failure is logged, never thrown. */
  void sendControl(String subject, @Nullable String reply, String kind, @Nullable String reason) {
    Connection c = link.current();
    if (c == null) {
      return;
    }
    Headers headers = new Headers().put(Wire.CONTROL, kind);
    if (reason != null) {
      headers.put(Wire.REASON, HeaderCodec.isPlainValueForControl(reason) ? reason : "see logs");
    }
    try {
      c.publish(subject, reply, headers, EMPTY);
    } catch (RuntimeException e) {
      // Best effort by design: the peer also learns of the end through no-responders or its timeout.
      LOG.debug("could not send '{}' to {}: {}", kind, subject, e.toString());
    }
  }

  /** The server end of a connection to a listener in accept mode, read by its handler thread. */
  NatsSocket newServerSocket(NatsListener listener, String clientInbox) {
    String token = inboxPrefix + ".s" + ids.incrementAndGet();
    return newSocket(requireConnection(), false, listener.address(), clientInbox, clientInbox, token, listener);
  }

  /** The server end of a connection to a listener in exchange mode, read by a serve dispatcher. */
  NatsSocket newServedSocket(NatsListener listener, String clientInbox) {
    String token = inboxPrefix + ".s" + ids.incrementAndGet();
    Dispatcher d = serveDispatchers.next(requireConnection());
    NatsSocket[] holder = new NatsSocket[1];
    // The first message can only arrive after the acknowledgement, which is sent after holder[0] is set.
    Subscription sub = d.subscribe(token, msg -> listener.onExchange(holder[0], msg));
    NatsSocket socket = new NatsSocket(this, false, listener.address(), clientInbox, clientInbox, token, sub, d, listener);
    holder[0] = socket;
    return sockets.add(socket);
  }

  void forget(NatsSocket socket) {
    sockets.remove(socket);
  }

  void unlisten(NatsListener listener) {
    listeners.remove(listener);
  }

  void runHandler(AcceptHandler handler, NatsSocket socket) {
    handlers.run(handler, socket);
  }

  /**
   * The connection while open.
   *
   * @throws ClosedException before the first use (nothing can need it then) or once closing began
   */
  Connection requireConnection() {
    Connection c = link.current();
    if (c == null || link.isClosed()) {
      throw new ClosedException("transport is closed");
    }
    return c;
  }

  /** Closes {@code d} if there is one; a dispatcher that went with its connection is fine. */
  static void closeDispatcher(Connection c, @Nullable Dispatcher d) {
    if (d == null) {
      return;
    }
    try {
      c.closeDispatcher(d);
    } catch (IllegalStateException e) {
      LOG.debug("dispatcher already closed with its connection: {}", e.toString());
    }
  }

  // ---- internals ----

  private Listener listenAt(String address, @Nullable AcceptHandler accept, @Nullable ExchangeHandler exchange) {
    link.open();
    try {
      listeners.requireFree(address);
      return listeners.add(new NatsListener(this, address, accept, exchange));
    } catch (IllegalStateException e) { // the connection closed just now
      throw new TransportException("listen on '" + address + "' failed: " + e.getMessage(), e);
    }
  }

  private Listener listenAnywhere(@Nullable AcceptHandler accept, @Nullable ExchangeHandler exchange) {
    link.open();
    try {
      return listeners.add(new NatsListener(this, "_INBOX." + NUID.nextGlobal(), accept, exchange));
    } catch (IllegalStateException e) { // the connection closed just now
      throw new TransportException("listen failed: " + e.getMessage(), e);
    }
  }

  private NatsSocket newSocket(Connection c, boolean client, String local, String remote, String sendTo,
      String own, @Nullable NatsListener listener) {
    Subscription sub = c.subscribe(own);
    sub.setPendingLimits(backlog, backlogBytes);
    return sockets.add(new NatsSocket(this, client, local, remote, sendTo, own, sub, null, listener));
  }

  /** Runs once, under the LazyConnection's lock, with a fresh connection. */
  private void setUp(Connection c) {
    Dispatcher d = c.createDispatcher(listeners::route);
    d.setPendingLimits(-1, -1);
    d.subscribe(inboxPrefix + ".*" + Wire.NOTICE_SUFFIX, sockets::onNotice);
    NatsConnections.addListener(c, slowConsumers);
    listeners.attach(d);
    handlers.start();
    if (!idleTimeout.isZero()) {
      long period = Math.max(50, Math.min(1000, idleTimeout.toMillis() / 4));
      java.util.concurrent.ScheduledExecutorService sw = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "transport-nats-idle-sweep");
        t.setDaemon(true);
        return t;
      });
      long idleNanos = idleTimeout.toNanos();
      // The future is not kept: stop() ends the sweep by shutting `sw` down, and the task
      // catches its own failures (below), so the future would never hold an exception.
      java.util.concurrent.ScheduledFuture<?> unused = sw.scheduleWithFixedDelay(() -> {
        try {
          int n = sockets.expireIdle(idleNanos);
          for (int i = 0; i < n; i++) {
            counters.expired();
          }
        } catch (RuntimeException e) {
          LOG.warn("idle sweep failed; trying again next period", e);
        }
      }, period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
      sweeper = sw;
    }
  }

  private void onConnectionEvent(ConnectionEvent event) {
    if (event.type() == ConnectionEvent.Type.SLOW_CONSUMER) {
      event.consumer().ifPresent(consumer -> {
        NatsSocket socket = sockets.reading(consumer);
        if (socket != null) {
          socket.overflowed();
        } else if (serveDispatchers.contains(consumer)) {
          counters.overflow();
          LOG.warn("a serve dispatcher's queue is full; requests are dropped and their callers time out");
        }
      });
    }
  }

  /**
   * Builds a {@link NatsTransport}. Not thread-safe; {@link #build()} does no I/O.
   */
  public static final class Builder {
    private PluginConfig config = PluginConfig.empty();
    private int backlog = DEFAULT_BACKLOG;
    private long backlogBytes = DEFAULT_BACKLOG_BYTES;
    private int acceptThreads = DEFAULT_ACCEPT_THREADS;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration dialGrace = Duration.ofMillis(250);
    private Duration listenProbe = Duration.ofMillis(100);
    private int serveThreads = DEFAULT_SERVE_THREADS;

    private Builder() {}

    /**
     * Connection settings ({@code addresses}, credentials...) and transport settings
     * ({@value #BACKLOG}, {@value #BACKLOG_BYTES}, {@value #ACCEPT_THREADS}, {@value #IDLE_TIMEOUT},
     * {@value #DIAL_GRACE}, {@value #SERVE_THREADS}).
     */
    public Builder config(PluginConfig value) {
      this.config = Objects.requireNonNull(value, "config");
      backlog(checkBacklog(value.longValue(BACKLOG, backlog)));
      dialGrace(value.duration(DIAL_GRACE, dialGrace));
      backlogBytes(value.longValue(BACKLOG_BYTES, backlogBytes));
      acceptThreads((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE,
          value.longValue(ACCEPT_THREADS, acceptThreads))));
      idleTimeout(value.duration(IDLE_TIMEOUT, idleTimeout));
      serveThreads((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE,
          value.longValue(SERVE_THREADS, serveThreads))));
      return this;
    }

    /**
     * The number of jnats dispatcher threads that run {@link ExchangeHandler}s (see
     * {@link NatsTransport#serve}); connections are spread over them, so at most this many
     * exchanges run at once, and a blocking handler holds up the connections sharing its thread.
     */
    public Builder serveThreads(int threads) {
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("serve threads must be between 1 and 64, was " + threads);
      }
      this.serveThreads = threads;
      return this;
    }

    /** The most unconsumed bytes a socket holds before it is closed with an error (default 64 MiB). */
    public Builder backlogBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("backlog bytes must be at least 1024, was " + bytes);
      }
      this.backlogBytes = bytes;
      return this;
    }

    /**
     * The most accept-mode handler threads at once (default {@value #DEFAULT_ACCEPT_THREADS}): a
     * connection opened while all are busy is closed at once, its client told why.
     */
    public Builder acceptThreads(int threads) {
      if (threads < 1 || threads > 100_000) {
        throw new IllegalArgumentException("accept threads must be between 1 and 100000, was " + threads);
      }
      this.acceptThreads = threads;
      return this;
    }

    /**
     * How long a server socket may see no message either way before it is closed, its client told
     * why (default 5 minutes); zero keeps idle sockets forever.
     */
    public Builder idleTimeout(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("idle timeout must not be negative, was " + value);
      }
      this.idleTimeout = value;
      return this;
    }

    /** The most unconsumed messages a socket holds before it is closed with an error. */
    public Builder backlog(int messages) {
      this.backlog = checkBacklog(messages);
      return this;
    }

    /**
     * How long a dial retries while the server reports no responders, to ride out a listener
     * whose subscription is still propagating across the cluster. A dial to an address where
     * nobody listens fails after about this long.
     */
    public Builder dialGrace(Duration value) {
      if (value.isNegative()) {
        throw new IllegalArgumentException("dial grace must not be negative, was " + value);
      }
      this.dialGrace = value;
      return this;
    }

    /** How long listen(address) waits for another micronats listener to answer a probe. */
    public Builder listenProbe(Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("listen probe must be positive, was " + value);
      }
      this.listenProbe = value;
      return this;
    }

    private static int checkBacklog(long messages) {
      if (messages < 1 || messages > 10_000_000) {
        throw new IllegalArgumentException("backlog must be between 1 and 10000000 messages, was " + messages);
      }
      return (int) messages;
    }

    /** The transport; not connected until first used. */
    public NatsTransport build() {
      return new NatsTransport(this);
    }
  }
}
