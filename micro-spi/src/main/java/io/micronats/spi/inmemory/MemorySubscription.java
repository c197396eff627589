package io.micronats.spi.inmemory;

import io.micronats.spi.BrokerException;
import io.micronats.spi.Names;
import io.micronats.spi.broker.Event;
import io.micronats.spi.broker.EventHandler;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A subscription of the in-memory broker: a bounded mailbox drained by at most one broker thread
 * at a time, so the handler sees events one by one, in the order they were offered.
 *
 * <p>Thread-safe (lock-free: an atomic "scheduled" flag guarantees a single drainer). When more
 * than the pending limit wait, new events are dropped, counted, and reported to the
 * {@link io.micronats.spi.broker.ErrorHandler} as a slow consumer, never buffered without bound.
 */
final class MemorySubscription implements Subscription {

  private static final System.Logger LOG = System.getLogger(MemorySubscription.class.getName());
  /** Events handled per drain before the thread is given back, for fairness. */
  private static final int BATCH = 64;

  private final InMemoryBroker broker;
  private final String topic;
  private final boolean wildcard;
  private final EventHandler handler;
  private final SubscribeOptions options;
  private final int pendingLimit;
  private final ConcurrentLinkedQueue<MemoryEvent> mailbox = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile boolean active = true;

  MemorySubscription(InMemoryBroker broker, String topic, EventHandler handler,
      SubscribeOptions options, int pendingLimit) {
    this.broker = broker;
    this.topic = topic;
    this.wildcard = Names.isWildcard(topic);
    this.handler = handler;
    this.options = options;
    this.pendingLimit = pendingLimit;
  }

  boolean matches(String subject) {
    return active && (wildcard ? Names.matches(topic, subject) : topic.equals(subject));
  }

  void offer(MemoryEvent event) {
    if (!active) {
      return;
    }
    if (pending.incrementAndGet() > pendingLimit) {
      pending.decrementAndGet();
      dropped.incrementAndGet();
    } else {
      mailbox.add(event);
    }
    schedule();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        broker.execute(this::drain);
      } catch (RejectedExecutionException e) {
        scheduled.set(false);
        LOG.log(System.Logger.Level.DEBUG, "broker closed; not delivering to '" + topic + "'");
      }
    }
  }

  private void drain() {
    try {
      reportDrops();
      for (int i = 0; i < BATCH && active; i++) {
        MemoryEvent event = mailbox.poll();
        if (event == null) {
          break;
        }
        pending.decrementAndGet();
        deliver(event);
      }
    } finally {
      scheduled.set(false);
    }
    if (active && (!mailbox.isEmpty() || dropped.get() > 0)) {
      schedule();
    }
  }

  private void deliver(MemoryEvent event) {
    if (!active) {
      return;
    }
    try {
      handler.handle(event);
    } catch (Exception e) {
      reportError(event, e);
    }
  }

  private void reportDrops() {
    long count = dropped.getAndSet(0);
    if (count > 0) {
      reportError(null, new BrokerException("subscription to '" + topic + "' dropped " + count
          + " message(s): more than " + pendingLimit + " were pending (slow consumer)"));
    }
  }

  private void reportError(@Nullable Event event, Throwable error) {
    try {
      options.errorHandler().onError(topic, event, error);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "error handler of '" + topic + "' threw", e);
    }
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
    return active;
  }

  @Override
  public void unsubscribe() {
    if (active) {
      active = false;
      broker.forget(this);
      mailbox.clear();
    }
  }

  @Override
  public String toString() {
    return "MemorySubscription['" + topic + "'" + options.queueGroup().map(q -> " queue " + q).orElse("") + "]";
  }
}
