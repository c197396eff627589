package io.micronats.spi.inmemory;

import io.micronats.spi.ClosedException;
import io.micronats.spi.internal.Deadline;
import io.micronats.spi.registry.WatchEvent;
import io.micronats.spi.registry.Watcher;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A watcher of the in-memory registry: an unbounded FIFO the {@link RegistryStore} fills, under
 * its lock, in the order changes happen, so no event is lost or reordered.
 *
 * <p>Thread-safe. {@link #stop()} wakes every blocked {@link #next} with {@link ClosedException}.
 */
final class MemoryWatcher implements Watcher {

  private static final Object STOP = new Object();

  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final @Nullable String service;
  private final Consumer<MemoryWatcher> onStop;
  private volatile boolean stopped;

  MemoryWatcher(@Nullable String service, Consumer<MemoryWatcher> onStop) {
    this.service = service;
    this.onStop = onStop;
  }

  /** True when this watcher wants events of the service named {@code name}. */
  boolean accepts(String name) {
    return service == null || service.equals(name);
  }

  /** Called by the store, under its lock. */
  void enqueue(WatchEvent event) {
    if (!stopped) {
      queue.add(event);
    }
  }

  @Override
  public Optional<WatchEvent> next(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    if (stopped) {
      throw stoppedException();
    }
    Object next = queue.poll(Deadline.saturatedNanos(timeout), TimeUnit.NANOSECONDS);
    if (next == STOP) {
      queue.add(STOP); // wake any other caller blocked in next() as well
      throw stoppedException();
    }
    if (next == null) {
      if (stopped) {
        throw stoppedException();
      }
      return Optional.empty();
    }
    return Optional.of((WatchEvent) next);
  }

  @Override
  public void stop() {
    if (!stopped) {
      stopped = true;
      onStop.accept(this);
      queue.clear();
      queue.add(STOP);
    }
  }

  private ClosedException stoppedException() {
    return new ClosedException("watcher" + (service == null ? "" : " of service '" + service + "'")
        + " is stopped");
  }
}
