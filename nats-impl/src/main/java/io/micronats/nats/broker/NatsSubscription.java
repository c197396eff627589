package io.micronats.nats.broker;

import io.micronats.nats.internal.HeaderCodec;
import io.micronats.spi.BrokerException;
import io.micronats.spi.Message;
import io.micronats.spi.broker.ErrorHandler;
import io.micronats.spi.broker.EventHandler;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.nats.client.Dispatcher;
import io.nats.client.impl.Headers;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription of the NATS broker: a NATS subscription on the broker's shared jnats dispatcher,
 * which only queues each message here, and a bounded queue of its own that one task at a time
 * drains on the broker's delivery pool. So its handler is called serially, in arrival order, and
 * a slow handler holds one pool thread and delays no subscription that another pool thread can
 * serve.
 *
 * <p>Thread-safe. When the queue holds its pending limit (messages or bytes), further messages
 * are dropped, counted, and reported to the error handler by the next delivery task (a slow
 * consumer, as jnats would report it).
 */
final class NatsSubscription implements Subscription {

  private static final Logger LOG = LoggerFactory.getLogger(NatsSubscription.class);
  /** Messages one delivery task handles before it yields its pool thread to other subscriptions. */
  private static final int BATCH = 256;
  /** How many times a delivery task yields, waiting for another message, before it ends. */
  private static final int LINGER = 16;

  private final NatsBroker broker;
  private final String topic;
  private final EventHandler handler;
  private final SubscribeOptions options;
  private final AtomicBoolean active = new AtomicBoolean(true);
  private final LongAdder dropped = new LongAdder();
  private final ConcurrentLinkedQueue<io.nats.client.Message> pending = new ConcurrentLinkedQueue<>();
  private final AtomicLong pendingMessages = new AtomicLong();
  private final AtomicLong pendingBytes = new AtomicLong();
  private final AtomicLong unreportedDrops = new AtomicLong();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile long messageLimit = NatsBroker.DEFAULT_PENDING_MESSAGES;
  private volatile long byteLimit = Long.MAX_VALUE;
  private volatile @Nullable Dispatcher dispatcher;
  private volatile io.nats.client.@Nullable Subscription natsSubscription;
  private volatile @Nullable Executor deliveries;

  NatsSubscription(NatsBroker broker, String topic, EventHandler handler, SubscribeOptions options) {
    this.broker = broker;
    this.topic = topic;
    this.handler = handler;
    this.options = options;
  }

  /** Subscribes on the shared dispatcher {@code d} (again, after the broker replaced its connection). */
  synchronized void start(Dispatcher d, Executor pool, long maxMessages, long maxBytes) {
    messageLimit = maxMessages;
    byteLimit = maxBytes;
    deliveries = pool;
    String queue = options.queue();
    natsSubscription = queue == null ? d.subscribe(topic, this::onMessage) : d.subscribe(topic, queue, this::onMessage);
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
    Dispatcher d;
    io.nats.client.Subscription s;
    synchronized (this) {
      d = dispatcher;
      s = natsSubscription;
    }
    if (d != null && s != null) {
      try {
        d.unsubscribe(s);
      } catch (IllegalStateException e) {
        LOG.debug("subscription to '{}' already gone with its connection: {}", topic, e.toString());
      }
    }
    pending.clear();
    return true;
  }

  /** On the shared jnats dispatcher thread: queue, or drop when over the pending limits. */
  private void onMessage(io.nats.client.Message msg) {
    if (!active.get()) {
      return;
    }
    long size = size(msg);
    if (pendingMessages.get() >= messageLimit || pendingBytes.get() + size > byteLimit) {
      dropped.increment();
      broker.counters().dropped.increment();
      unreportedDrops.incrementAndGet();
    } else {
      pendingMessages.incrementAndGet();
      pendingBytes.addAndGet(size);
      pending.offer(msg);
    }
    schedule();
  }

  private void schedule() {
    Executor pool = deliveries;
    if (pool != null && scheduled.compareAndSet(false, true)) {
      try {
        pool.execute(this::drain);
      } catch (RejectedExecutionException e) {
        scheduled.set(false); // the broker is disconnecting: nothing more is delivered
      }
    }
  }

  /** One delivery task: up to {@value #BATCH} messages, serially; then reschedules if more wait. */
  private void drain() {
    try {
      for (int i = 0, idle = 0; i < BATCH && active.get(); i++) {
        reportDrops();
        io.nats.client.Message msg = pending.poll();
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
        deliver(msg);
      }
      reportDrops();
    } finally {
      scheduled.set(false);
    }
    if (active.get() && (!pending.isEmpty() || unreportedDrops.get() > 0)) {
      schedule();
    }
  }

  private void deliver(io.nats.client.Message msg) {
    NatsEvent event = new NatsEvent(msg.getSubject(), new Message(HeaderCodec.decode(msg.getHeaders()), msg.getData()));
    broker.counters().delivered.increment();
    try {
      handler.handle(event);
    } catch (Exception e) {
      broker.counters().handlerFailures.increment();
      report(event, ErrorHandler.wrap(topic, e));
    }
  }

  private void reportDrops() {
    long delta = unreportedDrops.getAndSet(0);
    if (delta > 0) {
      report(null, new BrokerException(delta + " message(s) to '" + topic + "' dropped: slow consumer (pending limit "
          + messageLimit + " messages / " + byteLimit + " bytes)"));
    }
  }

  private static long size(io.nats.client.Message msg) {
    byte[] data = msg.getData();
    Headers h = msg.getHeaders();
    return (data == null ? 0 : data.length) + (h == null ? 0 : h.serializedLength());
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
