package io.micronats.simulator.measure;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

/**
 * A latency recorder in nanoseconds that never throws for a large value: values above the
 * configured maximum are recorded as the maximum and counted in {@link #clamped()}, negative
 * values as zero.
 *
 * <p>Thread-safe: any number of threads may record at once (it wraps HdrHistogram's
 * {@link Recorder}); one reporter thread takes interval histograms with
 * {@link #intervalHistogram(Histogram)}.
 */
public final class LatencyRecorder {
  /** Default highest trackable value: {@value} ns (one minute). */
  public static final long DEFAULT_MAX_NANOS = 60_000_000_000L;
  /** Significant digits kept: {@value}. */
  public static final int DIGITS = 3;

  private final String name;
  private final long maxNanos;
  private final Recorder recorder;
  private final LongAdder clamped = new LongAdder();

  /** A recorder with the default maximum. */
  public LatencyRecorder(String name) {
    this(name, DEFAULT_MAX_NANOS);
  }

  /** A recorder clamping at {@code maxNanos}. */
  public LatencyRecorder(String name, long maxNanos) {
    if (maxNanos < 2) {
      throw new IllegalArgumentException("maxNanos must be >= 2, was " + maxNanos);
    }
    this.name = name;
    this.maxNanos = maxNanos;
    this.recorder = new Recorder(1, maxNanos, DIGITS);
  }

  /** Creates an empty histogram with this recorder's range, for totals. */
  public Histogram newHistogram() {
    Histogram h = new Histogram(1, maxNanos, DIGITS);
    h.setTag(name);
    return h;
  }

  /** The name results use for this histogram. */
  public String name() {
    return name;
  }

  /** Records one latency in nanoseconds, clamping into [0, max]. */
  public void record(long nanos) {
    long value = nanos;
    if (value < 0) {
      value = 0;
    } else if (value > maxNanos) {
      value = maxNanos;
      clamped.increment();
    }
    recorder.recordValue(value);
  }

  /** Records a latency given in another unit. */
  public void record(long amount, TimeUnit unit) {
    record(unit.toNanos(amount));
  }

  /** Values recorded as the maximum because they were larger. */
  public long clamped() {
    return clamped.sum();
  }

  /** The highest value kept, in nanoseconds. */
  public long maxNanos() {
    return maxNanos;
  }

  /**
   * Takes the values recorded since the last call, reusing {@code recycle} (which must come from
   * a previous call, or be null). Call from one thread only.
   */
  public Histogram intervalHistogram(@Nullable Histogram recycle) {
    Histogram h = recorder.getIntervalHistogram(recycle);
    h.setTag(name);
    return h;
  }

  /** Discards everything recorded so far and the clamp count. */
  public void reset() {
    recorder.reset();
    clamped.reset();
  }
}
