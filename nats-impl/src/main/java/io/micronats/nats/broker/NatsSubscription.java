package io.micronats.nats.broker;

import io.micronats.nats.internal.HeaderCodec;
import io.micronats.spi.BrokerException;
import io.micronats.spi.Message;
import io.micronats.spi.broker.ErrorHandler;
import io.micronats.spi.broker.EventHandler;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription of the NATS broker: one jnats dispatcher (one thread) of its own, so its handler
 * is called serially, in arrival order, and a slow handler delays no other subscription.
 *
 * <p>Thread-safe. Slow-consumer drops are read from the dispatcher after each delivery (they can
 * only happen while messages are pending, so a delivery always follows) and reported.
 */
final class NatsSubscription implements Subscription {

  private static final Logger LOG = LoggerFactory.getLogger(NatsSubscription.class);

  private final NatsBroker broker;
  private final String topic;
  private final EventHandler handler;
  private final SubscribeOptions options;
  private final AtomicBoolean active = new AtomicBoolean(true);
  private final LongAdder dropped = new LongAdder();
  private volatile @Nullable Connection connection;
  private volatile @Nullable Dispatcher dispatcher;
  private long droppedSeen;

  NatsSubscription(NatsBroker broker, String topic, EventHandler handler, SubscribeOptions options) {
    this.broker = broker;
    this.topic = topic;
    this.handler = handler;
    this.options = options;
  }

  /** Subscribes on {@code c} (again, after the broker replaced its connection). */
  synchronized void start(Connection c, long pendingMessages, long pendingBytes) {
    Dispatcher d = c.createDispatcher(this::onMessage);
    d.setPendingLimits(pendingMessages, pendingBytes);
    String queue = options.queue();
    if (queue == null) {
      d.subscribe(topic);
    } else {
      d.subscribe(topic, queue);
    }
    droppedSeen = 0;
    connection = c;
    dispatcher = d;
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

  /** Messages dropped for this subscription because it could not keep up. */
  long droppedCount() {
    return dropped.sum();
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
    Connection c;
    Dispatcher d;
    synchronized (this) {
      c = connection;
      d = dispatcher;
    }
    if (c != null && d != null) {
      try {
        c.closeDispatcher(d);
      } catch (IllegalStateException e) {
        LOG.debug("dispatcher of '{}' already gone with its connection: {}", topic, e.toString());
      }
    }
    return true;
  }

  private void onMessage(io.nats.client.Message msg) {
    if (!active.get()) {
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
    checkDrops();
  }

  private void checkDrops() {
    Dispatcher d = dispatcher;
    if (d == null) {
      return;
    }
    long now = d.getDroppedCount();
    if (now > droppedSeen) {
      long delta = now - droppedSeen;
      droppedSeen = now;
      dropped.add(delta);
      broker.counters().dropped.add(delta);
      report(null, new BrokerException(delta + " message(s) to '" + topic + "' dropped: slow consumer (pending limit "
          + d.getPendingMessageLimit() + " messages / " + d.getPendingByteLimit() + " bytes)"));
    }
  }

  private void report(@Nullable NatsEvent event, Throwable error) {
    try {
      options.errorHandler().onError(topic, event, error);
    } catch (RuntimeException e) {
      // An error handler must not throw; if it does, log both so neither failure is lost.
      LOG.warn("error handler of '{}' threw while reporting {}", topic, error.toString(), e);
    }
  }

  @Override
  public String toString() {
    return "NatsSubscription[" + topic + (options.queue() == null ? "" : ", queue " + options.queue()) + "]";
  }
}
