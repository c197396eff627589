package io.micronats.simulator.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.jspecify.annotations.Nullable;

/**
 * The measurements of one phase: named latency recorders, named counters and a time series,
 * restricted to operations whose <em>intended</em> start falls in the measured window.
 *
 * <p>Attributing by intended time means warm-up and cool-down operations are never reported,
 * even when they complete inside the window, and an operation intended inside the window is
 * reported even when it completes after it. Thread-safety: {@link #complete}, {@link #record},
 * {@link #count} and {@link #add} may be called from any thread; {@link #sample} and
 * {@link #finish} from one reporter thread.
 *
 * <pre>{@code
 * PhaseMeter meter = new PhaseMeter("latency", start + warmup, start + warmup + measured, null);
 * meter.complete(intendedNanos, System.nanoTime() - intendedNanos, Outcome.SUCCESS);
 * PhaseMeasurement m = meter.finish(System.nanoTime());
 * }</pre>
 */
public final class PhaseMeter {
  private final String primary;
  private final long windowStart;
  private final long windowEnd;
  private final @Nullable HistogramLogWriter log;
  private final ConcurrentMap<String, LatencyRecorder> recorders = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<String, Histogram> totals = new LinkedHashMap<>();
  private final Map<String, Histogram> recycled = new LinkedHashMap<>();
  private final List<TimePoint> series = new ArrayList<>();
  private long lastSample;
  private long lastErrors;
  private final long wallStartMillis;
  private volatile @Nullable Observer observer;

  /**
   * Hears of every completed operation, measured window or not. Called on the workload's threads,
   * possibly concurrently; must be fast and must not throw.
   */
  @FunctionalInterface
  public interface Observer {
    /**
     * One operation intended at {@code intendedNanos}, actually started at {@code sentNanos}
     * (equal to {@code intendedNanos} when the load did not say, or the operation never started)
     * ended at {@code doneNanos} with {@code outcome}.
     */
    void completed(long intendedNanos, long sentNanos, long doneNanos, Outcome outcome);
  }

  /** Sets (or with null removes) the observer of completed operations. */
  public void observe(@Nullable Observer newObserver) {
    observer = newObserver;
  }

  /**
   * Creates a meter for the window {@code [windowStart, windowEnd)} in {@link System#nanoTime()}
   * units; {@code primary} names the recorder whose rate and p99 make the time series.
   */
  public PhaseMeter(String primary, long windowStart, long windowEnd, @Nullable HistogramLogWriter log) {
    if (windowEnd <= windowStart) {
      throw new IllegalArgumentException("empty window: " + windowStart + ".." + windowEnd);
    }
    this.primary = primary;
    this.windowStart = windowStart;
    this.windowEnd = windowEnd;
    this.log = log;
    this.lastSample = windowStart;
    this.wallStartMillis = System.currentTimeMillis() + (windowStart - System.nanoTime()) / 1_000_000L;
    recorder(primary);
  }

  /** True when an operation intended at {@code nanos} is measured. */
  public boolean inWindow(long nanos) {
    return nanos >= windowStart && nanos < windowEnd;
  }

  /** Start of the measured window ({@code System.nanoTime()} units). */
  public long windowStart() {
    return windowStart;
  }

  /** End of the measured window. */
  public long windowEnd() {
    return windowEnd;
  }

  /** The recorder with this name, created on first use. */
  public LatencyRecorder recorder(String name) {
    return recorders.computeIfAbsent(name, LatencyRecorder::new);
  }

  /**
   * Counts the outcome, and records the latency in the primary recorder when it succeeded; as
   * {@link #complete(long, long, long, Outcome)} with the operation sent at its intended time.
   */
  public void complete(long intendedNanos, long latencyNanos, Outcome outcome) {
    complete(intendedNanos, intendedNanos, latencyNanos, outcome);
  }

  /**
   * Counts the outcome of an operation intended at {@code intendedNanos} and actually sent at
   * {@code sentNanos}, and records its latency (from the intended time, so a late generator does
   * not hide its lateness) in the primary recorder when it succeeded. The measured window goes by
   * intended time; the observer also hears the actual send time.
   */
  public void complete(long intendedNanos, long sentNanos, long latencyNanos, Outcome outcome) {
    Observer o = observer;
    if (o != null) {
      o.completed(intendedNanos, sentNanos, intendedNanos + latencyNanos, outcome);
    }
    if (!inWindow(intendedNanos)) {
      return;
    }
    counter(outcome.counter()).increment();
    if (outcome == Outcome.SUCCESS) {
      recorder(primary).record(latencyNanos);
    }
  }

  /** Records a latency in the named recorder when {@code intendedNanos} is in the window. */
  public void record(String name, long intendedNanos, long latencyNanos) {
    if (inWindow(intendedNanos)) {
      recorder(name).record(latencyNanos);
    }
  }

  /** Counts one event intended at {@code intendedNanos} when it is in the window. */
  public void count(String name, long intendedNanos) {
    if (inWindow(intendedNanos)) {
      counter(name).increment();
    }
  }

  /** Adds to a counter unconditionally (for totals computed by the caller for the window). */
  public void add(String name, long amount) {
    counter(name).add(amount);
  }

  private LongAdder counter(String name) {
    return counters.computeIfAbsent(name, n -> new LongAdder());
  }

  /** Current value of a counter. */
  public long counterValue(String name) {
    LongAdder a = counters.get(name);
    return a == null ? 0 : a.sum();
  }

  /** Sum of the error outcome counters so far ({@link Outcome#errorCounters()}). */
  public long errors() {
    long sum = 0;
    for (String counter : Outcome.errorCounters()) {
      sum += counterValue(counter);
    }
    return sum;
  }

  /** Takes interval histograms into the totals and appends a time-series point. Reporter thread only. */
  public void sample(long nowNanos) {
    long intervalNanos = nowNanos - lastSample;
    for (Map.Entry<String, LatencyRecorder> e : recorders.entrySet()) {
      String name = e.getKey();
      Histogram interval = e.getValue().intervalHistogram(recycled.get(name));
      recycled.put(name, interval);
      totals.computeIfAbsent(name, n -> e.getValue().newHistogram()).add(interval);
      if (log != null && interval.getTotalCount() > 0) {
        long endMillis = wallStartMillis + (nowNanos - windowStart) / 1_000_000L;
        interval.setStartTimeStamp(endMillis - intervalNanos / 1_000_000L);
        interval.setEndTimeStamp(endMillis);
        log.outputIntervalHistogram(interval);
      }
      if (name.equals(primary) && nowNanos > windowStart && intervalNanos > 0) {
        long errors = errors();
        double rate = interval.getTotalCount() * 1e9 / intervalNanos;
        double p99 = interval.getTotalCount() == 0 ? 0 : interval.getValueAtPercentile(99) / 1000.0;
        series.add(new TimePoint((nowNanos - windowStart) / 1_000_000L, rate, p99, errors - lastErrors));
        lastErrors = errors;
      }
    }
    lastSample = nowNanos;
  }

  /** The latest time-series point, or null before the first sample. Reporter thread only. */
  public @Nullable TimePoint lastPoint() {
    return series.isEmpty() ? null : series.get(series.size() - 1);
  }

  /** Takes the last interval and returns everything measured. Reporter thread only. */
  public PhaseMeasurement finish(long nowNanos) {
    sample(nowNanos);
    Map<String, Histogram> histograms = new LinkedHashMap<>();
    Map<String, Long> clamped = new LinkedHashMap<>();
    for (Map.Entry<String, LatencyRecorder> e : recorders.entrySet()) {
      histograms.put(e.getKey(), totals.getOrDefault(e.getKey(), e.getValue().newHistogram()).copy());
      if (e.getValue().clamped() > 0) {
        clamped.put(e.getKey(), e.getValue().clamped());
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Outcome o : Outcome.values()) {
      counts.put(o.counter(), 0L);
    }
    counters.forEach((k, v) -> counts.put(k, v.sum()));
    clamped.forEach((k, v) -> counts.put("clamped." + k, v));
    return new PhaseMeasurement(primary, windowEnd - windowStart, histograms, counts, series);
  }
}
