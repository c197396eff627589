package io.micronats.nats.transport.gomicro;

import io.micronats.nats.connection.NatsConnectException;
import io.micronats.nats.connection.Secrets;
import io.micronats.nats.gomicro.Envelope;
import io.micronats.nats.internal.Connector;
import io.micronats.nats.internal.Flush;
import io.micronats.spi.ClosedException;
import io.micronats.spi.Names;
import io.micronats.spi.TransportException;
import io.micronats.spi.transport.AcceptHandler;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.micronats.spi.transport.Transport;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The NATS transport in profile {@code go-micro}: go-micro's NATS transport plugin (go-plugins
 * v2, go-micro/plugins v4, go-micro v5 core) on the wire. A listener is a plain subscription on its
 * subject; a dial creates an inbox; each message is go-micro's JSON envelope
 * {@code {"Header":{...},"Body":"<base64>"}} published with the dialler's inbox as reply subject
 * (to the listener) or with none (back to the inbox); a reply subject not seen before is a new
 * connection. RPC headers are translated to go-micro's at this boundary ({@link
 * io.micronats.nats.gomicro.RpcMapping}), so micronats' {@code RpcClient} and {@code RpcServer}
 * call and serve go-micro services.
 *
 * <p>What go-micro cannot express, and how it degrades: no open, ack or close message exists, so a
 * dial does not check for a listener (a missing one surfaces at the first receive as a
 * {@link io.micronats.spi.NoRespondersException} when NATS reports it, else as a timeout), and a
 * close stays local (the peer's receive times out; an accepted socket that hears nothing for
 * {@value #IDLE_TIMEOUT}, default 1 minute as go-micro, is ended locally, and a later message from
 * the same reply subject starts a new connection). See {@code docs/go-micro.md}.
 *
 * <p>Thread-safe. One NATS connection (shared per settings) serves every listener and socket;
 * accept handlers run on daemon threads {@code transport-gomicro-conn-<n>}, one per connection.
 */
public final class GoMicroTransport implements Transport {

  /** Settings key: an accepted socket without a message for this long is ended locally (default 1m). */
  public static final String IDLE_TIMEOUT = "idle.timeout";
  /** Settings key: the most connections a listener holds at once (default 4096). */
  public static final String MAX_CONNECTIONS = "listener.max.connections";
  /** Settings key: the most messages queued for one socket (default 1024). */
  public static final String MAX_PENDING = "socket.max.pending";
  /** Settings key: the largest envelope decoded, in bytes (default {@value Envelope#DEFAULT_MAX_BYTES}). */
  public static final String ENVELOPE_MAX_BYTES = "envelope.max.bytes";
  private static final AtomicLong THREADS = new AtomicLong();

  private final PluginConfig config;
  private final long idleNanos;
  final int maxConnections;
  final int maxPending;
  final int maxEnvelopeBytes;
  final Counters counters = new Counters();
  private final Set<GoMicroListener> listeners = ConcurrentHashMap.newKeySet();
  private final Set<PseudoSocket> dialled = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private @Nullable Connection connection;
  private @Nullable Dispatcher dispatcher;
  private @Nullable ExecutorService pool;
  private @Nullable ScheduledExecutorService sweeper;
  private volatile boolean closed;

  /** The counters behind {@link GoMicroTransportStats}. */
  static final class Counters {
    final LongAdder accepted = new LongAdder();
    final LongAdder malformed = new LongAdder();
    final LongAdder unroutable = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder expired = new LongAdder();
    final LongAdder noResponders = new LongAdder();
  }

  private GoMicroTransport(PluginConfig config) {
    this.config = config;
    this.idleNanos = config.duration(IDLE_TIMEOUT, Duration.ofMinutes(1)).toNanos();
    this.maxConnections = intSetting(config, MAX_CONNECTIONS, 4096);
    this.maxPending = intSetting(config, MAX_PENDING, 1024);
    this.maxEnvelopeBytes = intSetting(config, ENVELOPE_MAX_BYTES, Envelope.DEFAULT_MAX_BYTES);
    if (idleNanos <= 0) {
      throw new IllegalArgumentException("setting '" + IDLE_TIMEOUT + "' must be positive");
    }
  }

  /**
   * A transport (no I/O until the first listen or dial) from the connection settings plus
   * {@value #IDLE_TIMEOUT}, {@value #MAX_CONNECTIONS}, {@value #MAX_PENDING} and {@value #ENVELOPE_MAX_BYTES}.
   *
   * @throws IllegalArgumentException naming the setting when one is invalid
   */
  public static GoMicroTransport create(PluginConfig config) {
    return new GoMicroTransport(Objects.requireNonNull(config, "config"));
  }

  @Override
  public String name() {
    return "nats";
  }

  @Override
  public Listener listen(String address, AcceptHandler handler) {
    Names.requireAddress(address);
    Objects.requireNonNull(handler, "handler");
    synchronized (lock) {
      Connection c = ensureConnected();
      GoMicroListener l = new GoMicroListener(this, c, Objects.requireNonNull(dispatcher), address, handler,
          Objects.requireNonNull(pool));
      listeners.add(l);
      flush(c, address);
      return l;
    }
  }

  @Override
  public Listener listen(AcceptHandler handler) {
    synchronized (lock) {
      return listen(ensureConnected().createInbox(), handler);
    }
  }

  /**
   * Creates an inbox to read replies on; nothing is sent (go-micro has no open message), so a
   * missing listener shows at the first receive.
   */
  @Override
  public Socket dial(String address, Duration timeout) {
    Names.requireAddress(address);
    Objects.requireNonNull(timeout, "timeout");
    Connection c;
    Dispatcher d;
    synchronized (lock) {
      c = ensureConnected();
      d = Objects.requireNonNull(dispatcher);
    }
    String inbox = c.createInbox();
    io.nats.client.Subscription[] sub = new io.nats.client.Subscription[1];
    PseudoSocket[] holder = new PseudoSocket[1];
    PseudoSocket socket = new PseudoSocket(this, c, inbox, address, true, maxPending, () -> {
      dialled.remove(holder[0]);
      try {
        d.unsubscribe(sub[0]);
      } catch (IllegalStateException e) {
        // the connection is gone already: so is the subscription
      }
    });
    holder[0] = socket;
    sub[0] = d.subscribe(inbox, msg -> onReply(socket, msg));
    dialled.add(socket);
    return socket;
  }

  private void onReply(PseudoSocket socket, io.nats.client.Message msg) {
    if (msg.isStatusMessage()) {
      if (msg.getStatus().getCode() == 503) {
        socket.noResponders();
      }
      return;
    }
    try {
      if (!socket.deliver(Envelope.decode(msg.getData() == null ? new byte[0] : msg.getData(), maxEnvelopeBytes))) {
        counters.refused.increment();
      }
    } catch (Envelope.MalformedEnvelopeException e) {
      counters.malformed.increment();
    }
  }

  @Override
  public long maxPayloadBytes() {
    Connection c;
    synchronized (lock) {
      c = connection;
    }
    long payload = c != null ? c.getMaxPayload() : 1024 * 1024;
    return Math.max(0, (payload - 64) / 4 * 3);
  }

  /** A snapshot of this transport's counters. */
  public GoMicroTransportStats stats() {
    return new GoMicroTransportStats(counters.accepted.sum(), counters.malformed.sum(), counters.unroutable.sum(),
        counters.refused.sum(), counters.expired.sum(), counters.noResponders.sum());
  }

  boolean isOpen() {
    return !closed;
  }

  void forget(GoMicroListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void close() {
    Connection c;
    ExecutorService p;
    ScheduledExecutorService s;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      c = connection;
      p = pool;
      s = sweeper;
      connection = null;
    }
    for (GoMicroListener l : List.copyOf(listeners)) {
      l.close();
    }
    for (PseudoSocket socket : List.copyOf(dialled)) {
      socket.close();
    }
    if (s != null) {
      s.shutdownNow();
    }
    if (p != null) {
      p.shutdownNow(); // interrupts accept handlers blocked in receive
    }
    if (c != null) {
      Connector.release(c);
    }
  }

  @Override
  public String toString() {
    return "GoMicroTransport[" + Secrets.mask(config.addresses()) + ", listeners=" + listeners.size() + "]";
  }

  private Connection ensureConnected() {
    if (closed) {
      throw new ClosedException("go-micro transport is closed");
    }
    Connection c = connection;
    if (c != null) {
      return c;
    }
    try {
      c = Connector.acquire(config);
    } catch (NatsConnectException e) {
      throw new TransportException("cannot connect to NATS at " + Secrets.mask(config.addresses()) + ": "
          + Secrets.mask(String.valueOf(e.getMessage())), e);
    }
    dispatcher = c.createDispatcher();
    dispatcher.setPendingLimits(-1, -1); // it only hands messages to bounded socket queues
    pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "transport-gomicro-conn-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    ScheduledExecutorService sw = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "transport-gomicro-sweep-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(TimeUnit.MILLISECONDS.toNanos(20), idleNanos / 4);
    // The sweep never throws (each listener guards itself); the future is cancelled by shutdownNow.
    var unused = sw.scheduleWithFixedDelay(() -> listeners.forEach(l -> l.sweep(idleNanos)), every, every, TimeUnit.NANOSECONDS);
    sweeper = sw;
    connection = c;
    return c;
  }

  private static void flush(Connection c, String address) {
    Flush.confirm(c, Duration.ofSeconds(5),
        e -> new TransportException("the NATS server did not confirm the listener on '" + address + "'", e));
  }

  private static int intSetting(PluginConfig config, String key, int fallback) {
    long v = config.longValue(key, fallback);
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("setting '" + key + "' must be 1.." + Integer.MAX_VALUE + ", was " + v);
    }
    return (int) v;
  }
}
