package io.micronats.spi.inmemory;

import io.micronats.spi.ClosedException;
import io.micronats.spi.Names;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.TransportException;
import io.micronats.spi.internal.NamedThreadFactory;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.transport.AcceptHandler;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.micronats.spi.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link Transport} whose connections are pairs of bounded in-memory queues, shared through an
 * {@link InMemoryHub}.
 *
 * <p>Thread-safe. Strict semantics: one listener per address (a second listen fails with
 * {@link TransportException} until the first closes); a dial with no listener fails at once with
 * {@link NoRespondersException}; messages keep their order per direction; a close on one end
 * reaches the other at once (its receive drains what was delivered, then fails with
 * {@link ClosedException}); each direction buffers at most {@code backlog} messages, and a send
 * that finds no room within {@code send.timeout} fails with
 * {@link io.micronats.spi.OperationTimeoutException} without sending.
 *
 * <p>Lifecycle: usable as soon as created. Each accepted connection is served on its own daemon
 * thread ({@code memory-transport-accept-<n>}) owned by the listening transport; {@link #close()}
 * closes its listeners and sockets and stops those threads (waiting at most two seconds).
 *
 * <pre>{@code
 * InMemoryHub hub = InMemoryHub.create();
 * try (InMemoryTransport transport = InMemoryTransport.create(hub)) {
 *   Listener listener = transport.listen("echo", socket -> socket.send(socket.receive(Duration.ofSeconds(1))));
 *   Socket client = transport.dial("echo");
 * }
 * }</pre>
 */
public final class InMemoryTransport implements Transport {

  /** Default largest message: {@value} bytes (1 MiB, as NATS). */
  public static final long DEFAULT_MAX_PAYLOAD = 1024 * 1024;
  /** Default number of messages buffered per direction of a connection: {@value}. */
  public static final int DEFAULT_BACKLOG = 1024;
  /** Default time a send waits for backlog space: 5 seconds. */
  public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(5);

  private static final System.Logger LOG = System.getLogger(InMemoryTransport.class.getName());
  /** One factory per role, so thread numbers are unique in the JVM. */
  private static final NamedThreadFactory THREADS = new NamedThreadFactory("memory-transport-accept");

  private final InMemoryHub hub;
  private final long maxPayloadBytes;
  private final int backlog;
  private final Duration sendTimeout;
  private final ThreadPoolExecutor executor;
  private final Set<MemoryListener> listeners = ConcurrentHashMap.newKeySet();
  private final Set<MemorySocket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  private InMemoryTransport(InMemoryHub hub, PluginConfig config) {
    this.hub = Objects.requireNonNull(hub, "hub");
    this.maxPayloadBytes = positive(config, "max.payload", DEFAULT_MAX_PAYLOAD);
    this.backlog = (int) Math.min(Integer.MAX_VALUE, positive(config, "backlog", DEFAULT_BACKLOG));
    this.sendTimeout = config.duration("send.timeout", DEFAULT_SEND_TIMEOUT);
    this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), THREADS);
  }

  /** A transport on {@code hub} with the default settings. */
  public static InMemoryTransport create(InMemoryHub hub) {
    return create(hub, PluginConfig.empty());
  }

  /**
   * A transport on {@code hub} configured by {@code config} ({@code max.payload},
   * {@code backlog}, {@code send.timeout}; see the package documentation).
   *
   * @throws IllegalArgumentException naming the setting when one is invalid
   */
  public static InMemoryTransport create(InMemoryHub hub, PluginConfig config) {
    return new InMemoryTransport(hub, config);
  }

  @Override
  public String name() {
    return "memory";
  }

  /** The hub this transport shares. */
  public InMemoryHub hub() {
    return hub;
  }

  @Override
  public Listener listen(String address, AcceptHandler handler) {
    Names.requireAddress(address);
    Objects.requireNonNull(handler, "handler");
    ensureOpen();
    MemoryListener listener = new MemoryListener(this, address, handler);
    if (hub.listeners.putIfAbsent(address, listener) != null) {
      throw new TransportException("already listening on '" + address + "' in " + hub);
    }
    listeners.add(listener);
    if (closed.get()) {
      listener.close();
      throw closedException();
    }
    return listener;
  }

  @Override
  public Listener listen(AcceptHandler handler) {
    for (int attempt = 0; attempt < 100; attempt++) {
      String address = "memory.listener." + hub.nextId();
      if (!hub.listeners.containsKey(address)) {
        try {
          return listen(address, handler);
        } catch (TransportException taken) {
          LOG.log(System.Logger.Level.DEBUG, "generated address taken meanwhile: " + address);
        }
      }
    }
    throw new TransportException("found no free address in " + hub + " after 100 attempts");
  }

  @Override
  public Socket dial(String address, Duration timeout) {
    Names.requireAddress(address);
    Objects.requireNonNull(timeout, "timeout");
    ensureOpen();
    MemoryListener listener = hub.listeners.get(address);
    if (listener == null || !listener.isOpen()) {
      throw new NoRespondersException("no listener at '" + address + "' in " + hub);
    }
    Pipe toServer = new Pipe(backlog);
    Pipe toClient = new Pipe(backlog);
    String local = "memory.client." + hub.nextId();
    MemorySocket[] holder = new MemorySocket[1];
    MemorySocket socket = new MemorySocket(local, address, toClient, toServer, maxPayloadBytes,
        sendTimeout, () -> sockets.remove(holder[0]));
    holder[0] = socket;
    sockets.add(socket);
    try {
      listener.connect(local, toServer, toClient);
    } catch (RuntimeException e) {
      socket.close();
      throw e;
    }
    if (closed.get()) {
      socket.close();
      throw closedException();
    }
    return socket;
  }

  @Override
  public long maxPayloadBytes() {
    return maxPayloadBytes;
  }

  /** The number of messages buffered per direction before senders wait. */
  public int backlog() {
    return backlog;
  }

  /** How long a send waits for backlog space. */
  public Duration sendTimeout() {
    return sendTimeout;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    for (MemoryListener listener : List.copyOf(listeners)) {
      listener.close();
    }
    for (MemorySocket socket : List.copyOf(sockets)) {
      socket.close();
    }
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "accept handlers of " + this
            + " did not finish within 2 s of close()");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "InMemoryTransport[" + hub.namespace() + "]";
  }

  void execute(Runnable task) {
    executor.execute(task);
  }

  void forget(MemoryListener listener) {
    hub.listeners.remove(listener.address(), listener);
    listeners.remove(listener);
  }

  private void ensureOpen() {
    if (closed.get()) {
      throw closedException();
    }
  }

  private ClosedException closedException() {
    return new ClosedException(this + " is closed");
  }

  static long positive(PluginConfig config, String key, long fallback) {
    long value = config.longValue(key, fallback);
    if (value <= 0) {
      throw new IllegalArgumentException("setting '" + key + "' must be positive, was " + value);
    }
    return value;
  }
}
