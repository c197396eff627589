package io.micronats.nats.broker;

import io.micronats.nats.connection.Secrets;
import io.micronats.nats.connection.NatsConnectException;
import io.micronats.nats.internal.Connector;
import io.micronats.nats.internal.Flush;
import io.micronats.nats.internal.HeaderCodec;
import io.micronats.spi.BrokerException;
import io.micronats.spi.Message;
import io.micronats.spi.Names;
import io.micronats.spi.NotConnectedException;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.broker.Broker;
import io.micronats.spi.broker.EventHandler;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.Dispatcher;
import io.nats.client.impl.Headers;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The NATS broker: topics are NATS subjects, queue groups are NATS queue groups, message headers
 * travel as NATS headers.
 *
 * <p><b>Delivery is at-most-once.</b> NATS keeps nothing: a message published while no
 * subscriber is connected, published while a subscriber's server is failing over, or dropped
 * because a subscriber cannot keep up is lost and never redelivered; {@link
 * io.micronats.spi.broker.Event#ack()} is a no-op. Slow-consumer drops are counted ({@link
 * #stats()}) and reported to the subscription's error handler, never silent.
 *
 * <p>Thread-safe. The first {@value #DEFAULT_DEDICATED_SUBSCRIPTIONS} live subscriptions (setting
 * {@value #DEDICATED_SUBSCRIPTIONS}) each get a jnats dispatcher of their own, which runs the
 * handler exactly as a plain jnats subscription would: the fastest path. Further subscriptions
 * share one jnats dispatcher, which only routes each message to its subscription's bounded
 * queue, and a small delivery pool of daemon threads ({@code broker-nats-deliver-<n>},
 * {@value #DEFAULT_DELIVERY_THREADS} by default, idle ones end after a while) runs their
 * handlers, one task at a time per subscription: thousands of subscriptions cost a few threads.
 * Either way each handler runs serially in arrival order, and a handler that blocks holds only
 * its own thread.
 * Reconnecting and resubscribing after a server fails is done by jnats
 * across the cluster's servers; if jnats gives up, {@link #connect()} opens a new connection and
 * subscribes the live subscriptions again. {@link #disconnect()} ends every subscription.
 *
 * <pre>{@code
 * try (NatsBroker broker = NatsBroker.builder().config(PluginConfig.of("addresses", urls)).build()) {
 *   broker.connect();
 *   broker.subscribe("orders.created", e -> bill(e.message()), SubscribeOptions.defaults().withQueue("billing"));
 *   broker.publish("orders.created", Message.of("{\"id\":1}"));
 * }
 * }</pre>
 */
public final class NatsBroker implements Broker {

  /** Settings key: a subscription's pending-message limit before drops (default {@value #DEFAULT_PENDING_MESSAGES}). */
  public static final String PENDING_MESSAGES = "pending.messages";
  /** Settings key: a subscription's pending-byte limit before drops (default 64 MiB). */
  public static final String PENDING_BYTES = "pending.bytes";
  /** The default pending-message limit of a subscription. */
  public static final long DEFAULT_PENDING_MESSAGES = Consumer.DEFAULT_MAX_MESSAGES;
  /** Settings key: threads of the delivery pool that runs handlers (default {@value #DEFAULT_DELIVERY_THREADS}). */
  public static final String DELIVERY_THREADS = "delivery.threads";
  /** The default size of the delivery pool. */
  public static final int DEFAULT_DELIVERY_THREADS = 4;
  /** Settings key: how many subscriptions get a dispatcher thread of their own (default {@value #DEFAULT_DEDICATED_SUBSCRIPTIONS}). */
  public static final String DEDICATED_SUBSCRIPTIONS = "delivery.dedicated";
  /** The default number of subscriptions with a dispatcher of their own. */
  public static final int DEFAULT_DEDICATED_SUBSCRIPTIONS = 4;
  private static final AtomicLong THREADS = new AtomicLong();

  private final PluginConfig config;
  private final long pendingMessages;
  private final long pendingBytes;
  private final int deliveryThreads;
  private final int dedicatedLimit;
  private final BrokerCounters counters = new BrokerCounters();
  private final Set<NatsSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final Object lock = new Object();
  private volatile @Nullable Connection connection;
  private @Nullable Dispatcher dispatcher;
  private @Nullable ThreadPoolExecutor pool;
  private volatile long lastMaxPayload = 1024 * 1024;
  private volatile @Nullable String lastTopic;

  private NatsBroker(Builder b) {
    this.config = b.config;
    this.pendingMessages = b.pendingMessages;
    this.pendingBytes = b.pendingBytes;
    this.deliveryThreads = b.deliveryThreads;
    this.dedicatedLimit = b.dedicatedSubscriptions;
  }

  /** A builder with the defaults: local server, jnats' pending limits. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NatsBrokerProvider.NAME;
  }

  /**
   * Connects, or, when jnats has given up reconnecting, replaces the connection and subscribes
   * the live subscriptions again. Idempotent.
   *
   * @throws BrokerException when no server can be reached; the broker stays disconnected
   */
  @Override
  public void connect() {
    synchronized (lock) {
      Connection current = connection;
      if (current != null && current.getStatus() != Connection.Status.CLOSED) {
        return;
      }
      Connection fresh = open();
      Dispatcher d = fresh.createDispatcher();
      d.setPendingLimits(-1, -1); // it only routes; each subscription bounds its own queue
      if (pool == null) {
        pool = newPool();
      }
      if (current != null) {
        Connector.release(current);
        counters.reconnects.increment();
        for (NatsSubscription s : subscriptions) {
          s.start(fresh, d, pool, pendingMessages, pendingBytes);
        }
      }
      dispatcher = d;
      connection = fresh;
      lastMaxPayload = fresh.getMaxPayload();
    }
  }

  @Override
  public void disconnect() {
    Connection c;
    Dispatcher d;
    ThreadPoolExecutor p;
    synchronized (lock) {
      c = connection;
      d = dispatcher;
      p = pool;
      connection = null;
      dispatcher = null;
      pool = null;
    }
    for (NatsSubscription s : List.copyOf(subscriptions)) {
      s.end();
    }
    subscriptions.clear();
    if (c != null && d != null) {
      try {
        c.closeDispatcher(d);
      } catch (IllegalStateException e) {
        // closed with its connection already
      }
    }
    if (c != null) {
      Connector.release(c);
    }
    if (p != null) {
      // Does not wait: a handler blocked on a pool thread keeps it until it returns; the
      // subscriptions are ended, so nothing else is delivered and idle threads end at once.
      p.shutdown();
    }
  }

  @Override
  public boolean isConnected() {
    Connection c = connection;
    return c != null && c.getStatus() != Connection.Status.CLOSED;
  }

  /**
   * Hands the message to NATS. Returning means NATS accepted it for sending (it is buffered while
   * reconnecting), not that anyone received it.
   *
   * @throws NotConnectedException before {@link #connect()}, after {@link #disconnect()}, or when
   *     jnats has given up reconnecting (call {@link #connect()})
   * @throws PayloadTooLargeException when body and headers exceed the server's maximum payload;
   *     nothing was sent
   * @throws BrokerException when jnats refuses the message (for example its reconnect buffer is full)
   */
  @Override
  public void publish(String topic, Message message) {
    Objects.requireNonNull(topic, "topic");
    if (!topic.equals(lastTopic)) {
      Names.requirePublishTopic(topic);
      lastTopic = topic;
    }
    Objects.requireNonNull(message, "message");
    Connection c = requireConnection(topic);
    Headers headers = HeaderCodec.encode(message.headers());
    long size = (long) message.bodyLength() + HeaderCodec.size(headers);
    long limit = c.getMaxPayload();
    if (size > limit) {
      throw new PayloadTooLargeException(topic, size, limit);
    }
    try {
      c.publish(topic, headers, message.body());
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new BrokerException("publish to '" + topic + "' failed: " + e.getMessage(), e);
    }
    counters.published.increment();
  }

  /**
   * Subscribes; when this returns, the local NATS server has the subscription (servers elsewhere
   * in the cluster learn of it shortly after).
   *
   * @throws NotConnectedException when not connected
   * @throws BrokerException when the server does not confirm the subscription in 5 s
   */
  @Override
  public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
    Names.requireSubscribeTopic(topic);
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(options, "options");
    NatsSubscription subscription;
    Connection c;
    synchronized (lock) {
      c = requireConnection(topic);
      boolean dedicated = subscriptions.stream().filter(NatsSubscription::isDedicated).count() < dedicatedLimit;
      subscription = new NatsSubscription(this, topic, handler, options, dedicated);
      subscription.start(c, Objects.requireNonNull(dispatcher), Objects.requireNonNull(pool), pendingMessages, pendingBytes);
      subscriptions.add(subscription);
    }
    Flush.confirm(c, Duration.ofSeconds(5), e -> {
      subscription.unsubscribe();
      return new BrokerException("the NATS server did not confirm the subscription to '" + topic + "'", e);
    });
    return subscription;
  }

  @Override
  public long maxPayloadBytes() {
    Connection c = connection;
    return c != null ? c.getMaxPayload() : lastMaxPayload;
  }

  /** A snapshot of this broker's counters. */
  public BrokerStats stats() {
    subscriptions.forEach(NatsSubscription::syncDrops);
    return counters.snapshot();
  }

  @Override
  public void close() {
    disconnect();
  }

  @Override
  public String toString() {
    return "NatsBroker[" + Secrets.mask(config.addresses()) + ", connected=" + isConnected() + ", subscriptions=" + subscriptions.size() + "]";
  }

  BrokerCounters counters() {
    return counters;
  }

  void forget(NatsSubscription subscription) {
    subscriptions.remove(subscription);
  }

  private Connection requireConnection(String topic) {
    Connection c = connection;
    if (c == null) {
      throw new NotConnectedException("broker is not connected (topic '" + topic + "'): call connect() first");
    }
    if (c.getStatus() == Connection.Status.CLOSED) {
      throw new NotConnectedException("the NATS connection was closed after reconnecting failed (topic '"
          + topic + "'): call connect() again");
    }
    return c;
  }

  private static final String THREAD_PREFIX = "broker-nats-deliver-";

  private ThreadPoolExecutor newPool() {
    ThreadPoolExecutor p = new ThreadPoolExecutor(deliveryThreads, deliveryThreads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, THREAD_PREFIX + THREADS.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    p.allowCoreThreadTimeOut(true);
    return p;
  }

  private Connection open() {
    try {
      return Connector.acquire(config);
    } catch (NatsConnectException e) {
      throw new BrokerException("cannot connect to NATS at " + Secrets.mask(config.addresses()) + ": "
          + Secrets.mask(String.valueOf(e.getMessage())), e);
    }
  }

  /** Builds a {@link NatsBroker}. Not thread-safe; {@link #build()} does no I/O. */
  public static final class Builder {
    private PluginConfig config = PluginConfig.empty();
    private long pendingMessages = DEFAULT_PENDING_MESSAGES;
    private long pendingBytes = Consumer.DEFAULT_MAX_BYTES;
    private int deliveryThreads = DEFAULT_DELIVERY_THREADS;
    private int dedicatedSubscriptions = DEFAULT_DEDICATED_SUBSCRIPTIONS;

    private Builder() {}

    /**
     * Connection settings, plus {@value #PENDING_MESSAGES}, {@value #PENDING_BYTES},
     * {@value #DELIVERY_THREADS} and {@value #DEDICATED_SUBSCRIPTIONS}.
     */
    public Builder config(PluginConfig value) {
      this.config = Objects.requireNonNull(value, "config");
      deliveryThreads(setting(value, DELIVERY_THREADS, deliveryThreads, 1));
      dedicatedSubscriptions(setting(value, DEDICATED_SUBSCRIPTIONS, dedicatedSubscriptions, 0));
      return pendingLimits(value.longValue(PENDING_MESSAGES, pendingMessages), value.longValue(PENDING_BYTES, pendingBytes));
    }

    /** Per-subscription limits beyond which jnats drops (and the broker reports) messages. */
    public Builder pendingLimits(long messages, long bytes) {
      if (messages < 1 || bytes < 1) {
        throw new IllegalArgumentException("pending limits must be positive, were " + messages + " messages / " + bytes + " bytes");
      }
      this.pendingMessages = messages;
      this.pendingBytes = bytes;
      return this;
    }

    /** Threads of the pool that runs handlers (one task at a time per subscription); default {@value #DEFAULT_DELIVERY_THREADS}. */
    public Builder deliveryThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("delivery threads must be positive, was " + threads);
      }
      this.deliveryThreads = threads;
      return this;
    }

    /**
     * How many live subscriptions get a jnats dispatcher (a thread) of their own; the others share
     * the delivery pool. Default {@value #DEFAULT_DEDICATED_SUBSCRIPTIONS}; 0 pools them all.
     */
    public Builder dedicatedSubscriptions(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("dedicated subscriptions must not be negative, was " + count);
      }
      this.dedicatedSubscriptions = count;
      return this;
    }

    private static int setting(PluginConfig config, String key, int fallback, int min) {
      long value = config.longValue(key, fallback);
      if (value < min || value > 1024) {
        throw new IllegalArgumentException("setting '" + key + "' must be " + min + "..1024, was " + value);
      }
      return (int) value;
    }

    /** The broker; not connected until {@link NatsBroker#connect()}. */
    public NatsBroker build() {
      return new NatsBroker(this);
    }
  }
}
