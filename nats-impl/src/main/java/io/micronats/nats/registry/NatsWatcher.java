package io.micronats.nats.registry;

import io.micronats.spi.ClosedException;
import io.micronats.spi.RegistryException;
import io.micronats.spi.registry.WatchEvent;
import io.micronats.spi.registry.Watcher;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A watcher of a {@link NatsRegistry}: a queue of the events for one service (or all), fed by
 * the registry's {@link WatchFeed}.
 *
 * <p>Thread-safe; one thread should call {@link #next}. The queue holds up to
 * {@value #CAPACITY} events; a watcher that falls further behind is ended with a
 * {@link RegistryException} rather than silently losing events.
 */
final class NatsWatcher implements Watcher {

  static final int CAPACITY = 1_000_000;
  private static final Object STOP = new Object();

  private final WatchFeed feed;
  private final @Nullable String service;
  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>(CAPACITY + 1);
  private final AtomicBoolean stopped = new AtomicBoolean();
  private volatile @Nullable RuntimeException failure;

  NatsWatcher(WatchFeed feed, @Nullable String service) {
    this.feed = feed;
    this.service = service;
  }

  boolean accepts(String name) {
    return service == null || service.equals(name);
  }

  /** Queues an event (registry threads, under the registry's fan-out lock). */
  void enqueue(WatchEvent event) {
    if (stopped.get() || failure != null) {
      return;
    }
    if (queue.size() >= CAPACITY || !queue.offer(event)) {
      failure = new RegistryException("watcher" + (service == null ? "" : " of '" + service + "'")
          + " fell more than " + CAPACITY + " events behind and was ended");
      queue.clear();
      queue.offer(STOP);
    }
  }

  @Override
  public Optional<WatchEvent> next(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    RuntimeException failed = failure;
    if (failed != null) {
      throw failed;
    }
    if (stopped.get()) {
      throw new ClosedException("watcher is stopped");
    }
    Object item = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (item == null) {
      return Optional.empty();
    }
    if (item == STOP) {
      queue.offer(STOP);
      failed = failure;
      throw failed != null ? failed : new ClosedException("watcher is stopped");
    }
    return Optional.of((WatchEvent) item);
  }

  @Override
  public void stop() {
    if (stopped.compareAndSet(false, true)) {
      feed.forget(this);
      queue.clear();
      queue.offer(STOP);
    }
  }
}
