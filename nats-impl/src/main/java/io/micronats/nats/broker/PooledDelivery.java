package io.micronats.nats.broker;

import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Pooled delivery of one subscription: a NATS subscription on the broker's shared jnats
 * dispatcher, which only queues each message here, and a bounded queue that one task at a time
 * drains on the broker's delivery pool. A slow handler holds one pool thread and delays no
 * subscription that another pool thread can serve.
 *
 * <p>Thread-safe. Over the pending limits, messages are dropped and counted, and the next
 * delivery task reports them.
 */
final class PooledDelivery implements NatsSubscription.Delivery {

  /** Messages one delivery task handles before it yields its pool thread to other subscriptions. */
  private static final int BATCH = 256;
  /** How many times a delivery task yields, waiting for another message, before it ends. */
  private static final int LINGER = 16;

  private final NatsSubscription owner;
  private final Dispatcher dispatcher;
  private final io.nats.client.Subscription subscription;
  private final Executor pool;
  private final long messageLimit;
  private final long byteLimit;
  private final AtomicBoolean active = new AtomicBoolean(true);
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ConcurrentLinkedQueue<Message> pending = new ConcurrentLinkedQueue<>();
  private final AtomicLong pendingMessages = new AtomicLong();
  private final AtomicLong pendingBytes = new AtomicLong();
  private final AtomicLong unreportedDrops = new AtomicLong();
  private final LongAdder dropped = new LongAdder();

  PooledDelivery(NatsSubscription owner, Dispatcher shared, Executor pool, long messageLimit, long byteLimit) {
    this.owner = owner;
    this.dispatcher = shared;
    this.pool = pool;
    this.messageLimit = messageLimit;
    this.byteLimit = byteLimit;
    String queue = owner.queue();
    this.subscription = queue == null
        ? shared.subscribe(owner.topic(), this::onMessage)
        : shared.subscribe(owner.topic(), queue, this::onMessage);
  }

  @Override
  public void end() {
    if (active.compareAndSet(true, false)) {
      NatsSubscription.unsubscribeQuietly(dispatcher, subscription, owner.topic());
      pending.clear();
    }
  }

  @Override
  public long dropped() {
    return dropped.sum();
  }

  /** On the shared jnats dispatcher thread: queue, or drop when over the pending limits. */
  private void onMessage(Message msg) {
    if (!active.get()) {
      return;
    }
    long size = size(msg);
    if (pendingMessages.get() >= messageLimit || pendingBytes.get() + size > byteLimit) {
      dropped.increment();
      owner.counters().dropped.increment();
      unreportedDrops.incrementAndGet();
    } else {
      pendingMessages.incrementAndGet();
      pendingBytes.addAndGet(size);
      pending.offer(msg);
    }
    schedule();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        pool.execute(this::drain);
      } catch (RejectedExecutionException e) {
        scheduled.set(false); // the broker is disconnecting: nothing more is delivered
      }
    }
  }

  /** One delivery task: up to {@value #BATCH} messages, serially; then reschedules if more wait. */
  @SuppressWarnings("ThreadPriorityCheck") // the yield is the linger: see the comment in the loop
  private void drain() {
    try {
      for (int i = 0, idle = 0; i < BATCH && active.get(); i++) {
        reportDrops();
        Message msg = pending.poll();
        if (msg == null && idle < LINGER) {
          // Under a stream of messages the next one is usually a few microseconds away: waiting
          // for it briefly is much cheaper than a new task (a thread wake-up) per message.
          idle++;
          i--;
          Thread.yield();
          continue;
        }
        if (msg == null) {
          break;
        }
        pendingMessages.decrementAndGet();
        pendingBytes.addAndGet(-size(msg));
        owner.deliver(msg);
      }
      reportDrops();
    } finally {
      scheduled.set(false);
    }
    if (active.get() && (!pending.isEmpty() || unreportedDrops.get() > 0)) {
      schedule();
    }
  }

  private void reportDrops() {
    long delta = unreportedDrops.getAndSet(0);
    if (delta > 0) {
      owner.reportDropped(delta, messageLimit, byteLimit);
    }
  }

  private static long size(Message msg) {
    byte[] data = msg.getData();
    Headers h = msg.getHeaders();
    return (long) (data == null ? 0 : data.length) + (h == null ? 0 : h.serializedLength());
  }
}
