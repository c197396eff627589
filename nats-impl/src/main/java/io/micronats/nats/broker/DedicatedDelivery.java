package io.micronats.nats.broker;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dedicated delivery of one subscription: a jnats dispatcher of its own runs the handler, the
 * same path as a plain jnats subscription. jnats applies the pending limits to the dispatcher's
 * queue and counts the drops; they are counted in the broker's stats and reported to the error
 * handler before the next delivery.
 *
 * <p>Thread-safe. Ending it unsubscribes at once; the dispatcher (and its thread) is closed as
 * soon as no handler is running, so a handler is never interrupted by its own unsubscribe.
 */
final class DedicatedDelivery implements NatsSubscription.Delivery {

  private static final int IDLE = 0;
  private static final int HANDLING = 1;
  private static final int ENDED = 2;

  private final NatsSubscription owner;
  private final Connection connection;
  private final Dispatcher dispatcher;
  private final io.nats.client.Subscription subscription;
  private final long messageLimit;
  private final long byteLimit;
  private final AtomicInteger state = new AtomicInteger(IDLE);
  /** Drops told to the error handler; only the dispatcher thread touches it. */
  private long reported;
  /** Drops added to the broker's counters; guarded by {@code this}. */
  private long counted;

  DedicatedDelivery(NatsSubscription owner, Connection connection, long messageLimit, long byteLimit) {
    this.owner = owner;
    this.connection = connection;
    this.messageLimit = messageLimit;
    this.byteLimit = byteLimit;
    this.dispatcher = connection.createDispatcher();
    dispatcher.setPendingLimits(messageLimit, byteLimit);
    String queue = owner.queue();
    this.subscription = queue == null
        ? dispatcher.subscribe(owner.topic(), this::onMessage)
        : dispatcher.subscribe(owner.topic(), queue, this::onMessage);
  }

  @Override
  public void end() {
    NatsSubscription.unsubscribeQuietly(dispatcher, subscription, owner.topic());
    syncDrops();
    if (state.getAndSet(ENDED) == IDLE) {
      close();
    } // else the running handler's delivery closes it when the handler returns
  }

  @Override
  public long dropped() {
    return dispatcher.getDroppedCount();
  }

  @Override
  public synchronized void syncDrops() {
    long now = dispatcher.getDroppedCount();
    owner.counters().dropped.add(now - counted);
    counted = now;
  }

  /** On this subscription's dispatcher thread. */
  private void onMessage(Message msg) {
    if (!state.compareAndSet(IDLE, HANDLING)) {
      return; // ended
    }
    try {
      long drops = dispatcher.getDroppedCount();
      if (drops != reported) {
        syncDrops();
        owner.reportDropped(drops - reported, messageLimit, byteLimit);
        reported = drops;
      }
      owner.deliver(msg);
    } finally {
      if (!state.compareAndSet(HANDLING, IDLE)) {
        close(); // ended while the handler ran
      }
    }
  }

  private void close() {
    try {
      connection.closeDispatcher(dispatcher);
    } catch (IllegalStateException e) {
      // closed with its connection already
    }
  }
}
