package io.micronats.spi.registry;

import java.time.Duration;
import java.util.Optional;

/**
 * A stream of registry changes, from {@link Registry#watch()}.
 *
 * <p>Events come in the order they happened and none is silently dropped. One thread should call
 * {@link #next}; {@link #stop()} may be called from any thread and releases a blocked
 * {@code next} at once.
 */
public interface Watcher extends AutoCloseable {

  /**
   * The next event, or empty when none arrives within {@code timeout}.
   *
   * @throws io.micronats.spi.ClosedException once the watcher is stopped (promptly, also for a
   *     call already blocked)
   * @throws InterruptedException when the waiting thread is interrupted
   */
  Optional<WatchEvent> next(Duration timeout) throws InterruptedException;

  /** Stops watching. Idempotent. */
  void stop();

  /** Same as {@link #stop()}. */
  @Override
  default void close() {
    stop();
  }
}
