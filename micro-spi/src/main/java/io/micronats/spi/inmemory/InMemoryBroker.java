package io.micronats.spi.inmemory;

import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.Names;
import io.micronats.spi.NotConnectedException;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.broker.Broker;
import io.micronats.spi.broker.EventHandler;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.micronats.spi.internal.MessageSize;
import io.micronats.spi.internal.NamedThreadFactory;
import io.micronats.spi.plugin.PluginConfig;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Broker} that routes messages in memory between the brokers of one {@link InMemoryHub}.
 *
 * <p>Thread-safe. Semantics: plain subscribers each get every message; each queue group gets each
 * message once, delivered to one member; subscription topics may use NATS wildcards ({@code *}
 * one token, {@code >} the rest); each subscription's handler is called on this broker's daemon
 * threads ({@code memory-broker-dispatch-<n>}), one event at a time, in publish order; a handler's
 * exception goes to the subscription's {@link io.micronats.spi.broker.ErrorHandler} and delivery
 * goes on. Delivery is at-most-once: a subscription with more than {@code pending.limit} events
 * waiting drops new ones and reports the drop to its error handler. A publish with no subscriber
 * succeeds.
 *
 * <p>Lifecycle: {@link #connect()} before publishing or subscribing (else
 * {@link NotConnectedException}); {@link #disconnect()} ends this broker's subscriptions, and a
 * later {@code connect()} works again; {@link #close()} disconnects for good and stops the
 * threads (waiting at most two seconds for running handlers).
 *
 * <pre>{@code
 * try (InMemoryBroker broker = InMemoryBroker.create(InMemoryHub.create())) {
 *   broker.connect();
 *   broker.subscribe("orders.*", event -> handle(event.message()), SubscribeOptions.defaults().withQueue("billing"));
 *   broker.publish("orders.created", Message.of("{}"));
 * }
 * }</pre>
 */
public final class InMemoryBroker implements Broker {

  /** Default largest message: {@value} bytes (1 MiB, as NATS). */
  public static final long DEFAULT_MAX_PAYLOAD = 1024 * 1024;
  /** Default number of events a subscription buffers before dropping: {@value}. */
  public static final int DEFAULT_PENDING_LIMIT = 65_536;

  private static final System.Logger LOG = System.getLogger(InMemoryBroker.class.getName());
  /** One factory per role, so thread numbers are unique in the JVM. */
  private static final NamedThreadFactory THREADS = new NamedThreadFactory("memory-broker-dispatch");

  private final InMemoryHub hub;
  private final long maxPayloadBytes;
  private final int pendingLimit;
  private final ThreadPoolExecutor executor;
  private final Set<MemorySubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final Object lifecycle = new Object();
  private volatile boolean connected;
  private volatile boolean closed;

  private InMemoryBroker(InMemoryHub hub, PluginConfig config) {
    this.hub = Objects.requireNonNull(hub, "hub");
    this.maxPayloadBytes = InMemoryTransport.positive(config, "max.payload", DEFAULT_MAX_PAYLOAD);
    this.pendingLimit = (int) Math.min(Integer.MAX_VALUE,
        InMemoryTransport.positive(config, "pending.limit", DEFAULT_PENDING_LIMIT));
    this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), THREADS);
  }

  /** A broker on {@code hub} with the default settings (not yet connected). */
  public static InMemoryBroker create(InMemoryHub hub) {
    return create(hub, PluginConfig.empty());
  }

  /**
   * A broker on {@code hub} configured by {@code config} ({@code max.payload},
   * {@code pending.limit}); not yet connected.
   *
   * @throws IllegalArgumentException naming the setting when one is invalid
   */
  public static InMemoryBroker create(InMemoryHub hub, PluginConfig config) {
    return new InMemoryBroker(hub, config);
  }

  @Override
  public String name() {
    return "memory";
  }

  /** The hub this broker shares. */
  public InMemoryHub hub() {
    return hub;
  }

  @Override
  public void connect() {
    synchronized (lifecycle) {
      if (closed) {
        throw new ClosedException(this + " is closed; create a new broker");
      }
      connected = true;
    }
  }

  @Override
  public void disconnect() {
    synchronized (lifecycle) {
      connected = false;
    }
    for (MemorySubscription subscription : List.copyOf(subscriptions)) {
      subscription.unsubscribe();
    }
  }

  @Override
  public boolean isConnected() {
    return connected;
  }

  @Override
  public void publish(String topic, Message message) {
    Names.requirePublishTopic(topic);
    Objects.requireNonNull(message, "message");
    requireConnected("publish to '" + topic + "'");
    long size = MessageSize.of(message);
    if (size > maxPayloadBytes) {
      throw new PayloadTooLargeException(topic, size, maxPayloadBytes);
    }
    hub.topics.publish(topic, message);
  }

  @Override
  public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
    Names.requireSubscribeTopic(topic);
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(options, "options");
    requireConnected("subscribe to '" + topic + "'");
    MemorySubscription subscription = new MemorySubscription(this, topic, handler, options, pendingLimit);
    subscriptions.add(subscription);
    hub.topics.add(subscription);
    if (!connected) {
      subscription.unsubscribe();
      throw new NotConnectedException(this + " disconnected while subscribing to '" + topic + "'");
    }
    return subscription;
  }

  @Override
  public long maxPayloadBytes() {
    return maxPayloadBytes;
  }

  @Override
  public void close() {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
    }
    disconnect();
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
        LOG.log(System.Logger.Level.WARNING, "handlers of " + this + " still running 2 s after close()");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "InMemoryBroker[" + hub.namespace() + "]";
  }

  void execute(Runnable task) {
    executor.execute(task);
  }

  void forget(MemorySubscription subscription) {
    hub.topics.remove(subscription);
    subscriptions.remove(subscription);
  }

  private void requireConnected(String what) {
    if (!connected) {
      throw new NotConnectedException(this + " is not connected; call connect() before you "
          + what);
    }
  }
}
