package io.micronats.nats.broker;

import io.micronats.nats.internal.HeaderCodec;
import io.micronats.nats.internal.InboundGuard;
import io.micronats.spi.BrokerException;
import io.micronats.spi.Message;
import io.micronats.spi.broker.ErrorHandler;
import io.micronats.spi.broker.EventHandler;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription of the NATS broker. Its messages reach the handler one way or the other:
 * <ul>
 *   <li><b>dedicated</b>: a jnats dispatcher of its own runs the handler, exactly as a plain jnats
 *       subscription would (one thread, one hand-off, the fastest path);</li>
 *   <li><b>pooled</b>: the broker's shared dispatcher queues each message here and the broker's
 *       delivery pool runs the handler ({@link PooledDelivery}), so thousands of subscriptions
 *       cost a few threads.</li>
 * </ul>
 * The broker gives the first {@code delivery.dedicated} subscriptions a dispatcher of their own.
 * Either way the handler runs serially, in arrival order, and a handler that blocks delays no
 * other subscription.
 *
 * <p>Thread-safe. Messages over the pending limits (messages or bytes) are dropped, counted, and
 * reported to the error handler before the next delivery (a slow consumer, as jnats reports it).
 */
final class NatsSubscription implements Subscription {

  private static final Logger LOG = LoggerFactory.getLogger(NatsSubscription.class);

  private final NatsBroker broker;
  private final String topic;
  private final EventHandler handler;
  private final SubscribeOptions options;
  private final boolean dedicated;
  private final AtomicBoolean active = new AtomicBoolean(true);
  private volatile @Nullable Delivery delivery;

  NatsSubscription(NatsBroker broker, String topic, EventHandler handler, SubscribeOptions options, boolean dedicated) {
    this.broker = broker;
    this.topic = topic;
    this.handler = handler;
    this.options = options;
    this.dedicated = dedicated;
  }

  /** How messages reach the handler; ended with the subscription. */
  interface Delivery {
    /** Stops delivery; idempotent, does not wait for a running handler. */
    void end();

    /** Messages dropped so far because the handler could not keep up. */
    long dropped();

    /** Brings the broker's drop counter up to date (for drops counted outside this code). */
    default void syncDrops() {}
  }

  /**
   * Subscribes on {@code connection} (again, after the broker replaced its connection): on a
   * dispatcher of its own when dedicated, else through {@code shared} and the {@code pool}.
   */
  synchronized void start(Connection connection, Dispatcher shared, Executor pool, long maxMessages, long maxBytes) {
    delivery = dedicated
        ? new DedicatedDelivery(this, connection, maxMessages, maxBytes)
        : new PooledDelivery(this, shared, pool, maxMessages, maxBytes);
  }

  @Override
  public String topic() {
    return topic;
  }

  @Override
  public SubscribeOptions options() {
    return options;
  }

  @Override
  public boolean isActive() {
    return active.get();
  }

  boolean isDedicated() {
    return dedicated;
  }

  /** Messages dropped for this subscription because it could not keep up. */
  long droppedCount() {
    Delivery d = delivery;
    return d == null ? 0 : d.dropped();
  }

  /** Brings the broker's drop counter up to date with this subscription's drops. */
  void syncDrops() {
    Delivery d = delivery;
    if (d != null) {
      d.syncDrops();
    }
  }

  @Override
  public void unsubscribe() {
    if (end()) {
      broker.forget(this);
    }
  }

  /** Ends delivery without telling the broker; true the first time. */
  boolean end() {
    if (!active.compareAndSet(true, false)) {
      return false;
    }
    Delivery d;
    synchronized (this) {
      d = delivery;
    }
    if (d != null) {
      d.end();
    }
    return true;
  }

  /** Runs the handler for one message; called serially by the delivery. */
  void deliver(io.nats.client.Message msg) {
    if (!active.get()) {
      return;
    }
    if (HeaderCodec.control(msg.getHeaders(), InboundGuard.MALFORMED) != null) {
      broker.counters().malformed.increment();
      report(null, new BrokerException("a message to '" + topic + "' was dropped: its NATS header block was"
          + " malformed (not sent by a NATS client; someone on the account published raw protocol)"));
      return;
    }
    NatsEvent event = new NatsEvent(msg.getSubject(), new Message(HeaderCodec.decode(msg.getHeaders()), msg.getData()));
    broker.counters().delivered.increment();
    try {
      handler.handle(event);
    } catch (Exception e) {
      broker.counters().handlerFailures.increment();
      report(event, ErrorHandler.wrap(topic, e));
    }
  }

  /** Tells the error handler that {@code count} messages were dropped since the last report. */
  void reportDropped(long count, long messageLimit, long byteLimit) {
    report(null, new BrokerException(count + " message(s) to '" + topic + "' dropped: slow consumer (pending limit "
        + messageLimit + " messages / " + byteLimit + " bytes)"));
  }

  @Nullable String queue() {
    return options.queue();
  }

  BrokerCounters counters() {
    return broker.counters();
  }

  private void report(@Nullable NatsEvent event, Throwable error) {
    try {
      options.errorHandler().onError(topic, event, error);
    } catch (RuntimeException e) {
      // An error handler must not throw; if it does, log both so neither failure is lost.
      LOG.warn("error handler of '{}' threw while reporting {}", topic, error.toString(), e);
    }
  }

  static void unsubscribeQuietly(Dispatcher d, io.nats.client.Subscription s, String topic) {
    try {
      d.unsubscribe(s);
    } catch (IllegalStateException e) {
      LOG.debug("subscription to '{}' already gone with its connection: {}", topic, e.toString());
    }
  }

  @Override
  public String toString() {
    return "NatsSubscription[" + topic + (options.queue() == null ? "" : ", queue " + options.queue())
        + (dedicated ? ", dedicated" : ", pooled") + "]";
  }
}
