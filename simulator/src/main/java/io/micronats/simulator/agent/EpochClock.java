package io.micronats.simulator.agent;

import java.time.Instant;

/**
 * Converts between this JVM's {@link System#nanoTime()} and wall-clock nanoseconds since the
 * epoch, so that times can cross JVMs (agents' common phase starts, broker send times). Agents on
 * one machine agree to microseconds; on several machines, to their clocks' synchronisation (NTP).
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class EpochClock {
  private final long offsetNanos;

  /** Measures the offset now (the median of a few readings). */
  public EpochClock() {
    long[] offsets = new long[7];
    for (int i = 0; i < offsets.length; i++) {
      long before = System.nanoTime();
      Instant now = Instant.now();
      long after = System.nanoTime();
      offsets[i] = now.getEpochSecond() * 1_000_000_000L + now.getNano() - (before + (after - before) / 2);
    }
    java.util.Arrays.sort(offsets);
    offsetNanos = offsets[offsets.length / 2];
  }

  /** Nanoseconds since the epoch of a {@code System.nanoTime()} reading. */
  public long epochNanos(long nanoTime) {
    return nanoTime + offsetNanos;
  }

  /** The {@code System.nanoTime()} reading of an instant given in nanoseconds since the epoch. */
  public long nanoTime(long epochNanos) {
    return epochNanos - offsetNanos;
  }
}
