package io.micronats.spi.internal;

import java.time.Duration;

/**
 * A point in time on the {@link System#nanoTime()} clock, for loops that must end by it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param atNanos the {@code System.nanoTime()} value of the deadline
 */
public record Deadline(long atNanos) {

  /** The deadline {@code timeout} from now; a huge timeout saturates instead of overflowing. */
  public static Deadline after(Duration timeout) {
    long nanos = saturatedNanos(timeout);
    long now = System.nanoTime();
    long at = now + nanos;
    return new Deadline(at - now < 0 ? Long.MAX_VALUE : at);
  }

  /** Nanoseconds left, never negative. */
  public long remainingNanos() {
    return Math.max(0, atNanos - System.nanoTime());
  }

  /** The time left, never negative. */
  public Duration remaining() {
    return Duration.ofNanos(remainingNanos());
  }

  /** True once the deadline has passed. */
  public boolean expired() {
    return atNanos - System.nanoTime() <= 0;
  }

  /** {@code timeout} in nanoseconds, saturated at {@link Long#MAX_VALUE}, and 0 when negative. */
  public static long saturatedNanos(Duration timeout) {
    if (timeout.isNegative()) {
      return 0;
    }
    try {
      return timeout.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }
}
