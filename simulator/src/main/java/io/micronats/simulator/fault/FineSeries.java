package io.micronats.simulator.fault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The operations of one series (usually a phase) in fine buckets of {@link #BUCKET_NANOS}
 * (250 ms) by <em>intended</em> time, aligned on an origin: per bucket the operations intended in
 * it that succeeded, that failed, and the successes' latencies, for deciding when a fault's effect
 * is over ({@link RecoveryRule}). Bucketing by intended time keeps calls stuck behind a fault in
 * the bucket where they were meant to run (with their long latency), instead of leaving that
 * bucket to the calls that happened to go elsewhere.
 *
 * <p>Not thread-safe: the {@link FaultTimeline} guards it with its lock. Each bucket keeps at
 * most {@link #MAX_LATENCIES} latencies (the first ones), so memory stays bounded at any rate.
 */
final class FineSeries {
  /** The length of one bucket. */
  static final long BUCKET_NANOS = 250_000_000L;
  /** Latencies kept per bucket. */
  static final int MAX_LATENCIES = 20_000;

  private final long originNanos;
  private final TreeMap<Long, Bucket> buckets = new TreeMap<>();
  private long measuredFromNanos = Long.MIN_VALUE;

  /** One bucket's counts. */
  private static final class Bucket {
    long ok;
    long errors;
    long[] latencies = new long[16];
    int kept;

    void latency(long nanos) {
      if (kept == MAX_LATENCIES) {
        return;
      }
      if (kept == latencies.length) {
        latencies = Arrays.copyOf(latencies, Math.min(MAX_LATENCIES, latencies.length * 2));
      }
      latencies[kept++] = nanos;
    }

    double p99Nanos() {
      if (kept == 0) {
        return 0;
      }
      long[] sorted = Arrays.copyOf(latencies, kept);
      Arrays.sort(sorted);
      int index = (int) Math.ceil(0.99 * kept) - 1;
      return sorted[Math.max(0, Math.min(kept - 1, index))];
    }
  }

  /**
   * One bucket as the rule sees it.
   *
   * @param start the bucket's start ({@link System#nanoTime()})
   * @param end its end
   * @param ok operations intended in it that succeeded
   * @param errors operations intended in it that failed
   * @param p99Nanos the successes' p99 latency, 0 when none
   */
  record Point(long start, long end, long ok, long errors, double p99Nanos) {
    long total() {
      return ok + errors;
    }
  }

  FineSeries(long originNanos) {
    this.originNanos = originNanos;
  }

  /** Ignore what ended before {@code nanos} in baselines (a phase's warm-up). */
  void measuredFrom(long nanos) {
    measuredFromNanos = nanos;
  }

  long measuredFrom() {
    return measuredFromNanos;
  }

  /** One operation intended at {@code intendedNanos} that ended after {@code latencyNanos}. */
  void add(long intendedNanos, long latencyNanos, boolean ok) {
    long index = Math.floorDiv(intendedNanos - originNanos, BUCKET_NANOS);
    Bucket b = buckets.computeIfAbsent(index, i -> new Bucket());
    if (ok) {
      b.ok++;
      b.latency(Math.max(0, latencyNanos));
    } else {
      b.errors++;
    }
  }

  /**
   * The buckets that start at or after {@code fromNanos} and end at
   * or before {@code toNanos}, empty ones included, in time order.
   */
  List<Point> between(long fromNanos, long toNanos) {
    List<Point> out = new ArrayList<>();
    long first = -Math.floorDiv(originNanos - fromNanos, BUCKET_NANOS); // the first bucket starting at or after
    long last = Math.floorDiv(toNanos - originNanos, BUCKET_NANOS) - 1; // the last whole bucket
    if (last < first || last - first > 4L * 60 * 60 * 4) {
      return out;
    }
    for (long i = first; i <= last; i++) {
      Bucket b = buckets.get(i);
      long start = originNanos + i * BUCKET_NANOS;
      out.add(b == null ? new Point(start, start + BUCKET_NANOS, 0, 0, 0)
          : new Point(start, start + BUCKET_NANOS, b.ok, b.errors, b.p99Nanos()));
    }
    return out;
  }

  /** The first and last bucket index with data, or null when none. */
  long @Nullable [] extent() {
    return buckets.isEmpty() ? null : new long[] {buckets.firstKey(), buckets.lastKey()};
  }

  long origin() {
    return originNanos;
  }
}
