package io.micronats.spi;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes; for tests. */
public final class Await {

  private Await() {}

  /** Waits up to {@code timeout} for {@code condition}; fails with {@code what} otherwise. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  /** Waits up to five seconds. */
  public static void until(String what, BooleanSupplier condition) {
    until(what, Duration.ofSeconds(5), condition);
  }
}
