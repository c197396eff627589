package io.micronats.nats.cluster;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A bounded polling loop for the cluster's waits (routes formed, interest visible): it runs a
 * check until its result says nothing is left to wait for, or a deadline passes.
 *
 * <p>Stateless and thread-safe; blocks the calling thread and starts none.
 */
final class Poll {

  private Poll() {}

  /**
   * Runs {@code check} at least once and then every {@code pause} until {@code done} accepts its
   * result or {@code timeout} has passed.
   *
   * @return the last result: accepted by {@code done}, or the state at the deadline
   * @throws IllegalStateException when interrupted ("interrupted while waiting for " + what), with
   *     the thread's interrupt status set again
   */
  static <T> T until(Supplier<T> check, Predicate<T> done, Duration timeout, Duration pause,
      String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T result = check.get();
      if (done.test(result) || System.nanoTime() - deadline >= 0) {
        return result;
      }
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }
}
