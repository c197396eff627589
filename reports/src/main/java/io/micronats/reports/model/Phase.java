package io.micronats.reports.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One measured phase of a run: a workload under one load shape for one duration, and what was
 * measured (counts, rates, latency distributions, a time series).
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder(String, String)}; the canonical
 * constructor exists for JSON and may gain parameters in later schema versions, the builder will not
 * lose any. Well-known map keys are in {@link MetricNames}. Latency is in microseconds in the
 * summaries, nanoseconds in the encoded histograms.
 *
 * <pre>{@code
 * Phase phase = Phase.builder("rpc-2000", "rpc")
 *     .open(2000.0).concurrency(8).duration(Duration.ofSeconds(30))
 *     .count(MetricNames.SUCCESSES, 59_990).count(MetricNames.TIMEOUTS, 10)
 *     .rate(MetricNames.ACHIEVED, 1999.7)
 *     .latency(MetricNames.RPC, LatencyHistogram.fromNanos(histogram))
 *     .label(MetricNames.SERVICES, "10")
 *     .build();
 * }</pre>
 *
 * @param name the phase's name, unique within the run
 * @param workload the workload kind: {@code rpc}, {@code broker}, {@code discovery},
 *     {@code baseline-rpc}, {@code baseline-broker}, ...
 * @param mode open (rate-based) or closed (fixed callers)
 * @param targetRate the target rate per second of an open phase; empty for a closed one
 * @param concurrency callers (closed) or worker threads (open), if known
 * @param duration the measured duration, warm-up excluded
 * @param counts event counts, name to count
 * @param rates rates per second, name to rate
 * @param latency latency distributions, name to distribution
 * @param timeSeries per-interval points, in time order
 * @param labels free labels (implementation, layout, strategy, services, ...)
 * @param repetitions the single repetitions when the phase was repeated; the other fields then hold
 *     the aggregate (summed counts, mean rates, merged histograms)
 */
public record Phase(
    String name, String workload, Mode mode, OptionalDouble targetRate, OptionalInt concurrency,
    Duration duration, Map<String, Long> counts, Map<String, Double> rates,
    Map<String, LatencyHistogram> latency, List<TimePoint> timeSeries, Map<String, String> labels,
    List<Repetition> repetitions) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException when an open phase has no positive target rate, a closed one
   *     has a target rate, the duration is negative, or the time series is not in time order
   */
  public Phase {
    Copies.text(name, "phase.name");
    Copies.text(workload, "phase.workload");
    Objects.requireNonNull(mode, "phase.mode");
    targetRate = targetRate == null ? OptionalDouble.empty() : targetRate;
    concurrency = concurrency == null ? OptionalInt.empty() : concurrency;
    Objects.requireNonNull(duration, "phase.duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("phase " + name + ": duration must not be negative, was " + duration);
    }
    if (mode == Mode.OPEN && (targetRate.isEmpty() || !(targetRate.getAsDouble() > 0))) {
      throw new IllegalArgumentException("phase " + name + ": an open phase needs a targetRate > 0");
    }
    if (mode == Mode.CLOSED && targetRate.isPresent()) {
      throw new IllegalArgumentException("phase " + name + ": a closed phase has no targetRate");
    }
    if (concurrency.isPresent() && concurrency.getAsInt() < 1) {
      throw new IllegalArgumentException("phase " + name + ": concurrency must be >= 1, was "
          + concurrency.getAsInt());
    }
    counts = Copies.map(counts, "phase.counts");
    rates = Copies.map(rates, "phase.rates");
    latency = Copies.map(latency, "phase.latency");
    timeSeries = Copies.list(timeSeries, "phase.timeSeries");
    for (int i = 1; i < timeSeries.size(); i++) {
      if (timeSeries.get(i).tMillis() < timeSeries.get(i - 1).tMillis()) {
        throw new IllegalArgumentException("phase " + name + ": timeSeries must be in time order (index " + i + ")");
      }
    }
    labels = Copies.map(labels, "phase.labels");
    repetitions = Copies.list(repetitions, "phase.repetitions");
  }

  /** A builder for a closed phase with a zero duration and nothing measured yet. */
  public static Builder builder(String name, String workload) {
    return new Builder(name, workload);
  }

  /** A builder holding a copy of this phase's values. */
  public Builder toBuilder() {
    Builder b = new Builder(name, workload);
    b.mode = mode;
    b.targetRate = targetRate;
    b.concurrency = concurrency;
    b.duration = duration;
    b.counts.putAll(counts);
    b.rates.putAll(rates);
    b.latency.putAll(latency);
    b.timeSeries.addAll(timeSeries);
    b.labels.putAll(labels);
    b.repetitions.addAll(repetitions);
    return b;
  }

  /** The count named {@code key}, or 0 when absent. */
  public long count(String key) {
    return counts.getOrDefault(key, 0L);
  }

  /**
   * A mutable builder of {@link Phase}; not thread-safe. {@link #build()} validates and copies, so
   * a builder can be reused.
   */
  public static final class Builder {
    private final String name;
    private final String workload;
    private Mode mode = Mode.CLOSED;
    private OptionalDouble targetRate = OptionalDouble.empty();
    private OptionalInt concurrency = OptionalInt.empty();
    private Duration duration = Duration.ZERO;
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, Double> rates = new LinkedHashMap<>();
    private final Map<String, LatencyHistogram> latency = new LinkedHashMap<>();
    private final List<TimePoint> timeSeries = new ArrayList<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<Repetition> repetitions = new ArrayList<>();

    private Builder(String name, String workload) {
      this.name = name;
      this.workload = workload;
    }

    /** Open mode at {@code ratePerSecond} arrivals per second. */
    public Builder open(double ratePerSecond) {
      this.mode = Mode.OPEN;
      this.targetRate = OptionalDouble.of(ratePerSecond);
      return this;
    }

    /** Closed mode (the default), without a target rate. */
    public Builder closed() {
      this.mode = Mode.CLOSED;
      this.targetRate = OptionalDouble.empty();
      return this;
    }

    public Builder concurrency(int callers) {
      this.concurrency = OptionalInt.of(callers);
      return this;
    }

    public Builder duration(Duration measured) {
      this.duration = Objects.requireNonNull(measured, "duration");
      return this;
    }

    public Builder count(String key, long value) {
      counts.put(key, value);
      return this;
    }

    public Builder counts(Map<String, Long> all) {
      counts.putAll(all);
      return this;
    }

    public Builder rate(String key, double perSecond) {
      rates.put(key, perSecond);
      return this;
    }

    public Builder latency(String key, LatencyHistogram histogram) {
      latency.put(key, histogram);
      return this;
    }

    public Builder point(TimePoint point) {
      timeSeries.add(point);
      return this;
    }

    public Builder timeSeries(List<TimePoint> points) {
      timeSeries.addAll(points);
      return this;
    }

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public Builder repetition(Repetition repetition) {
      repetitions.add(repetition);
      return this;
    }

    /**
     * The phase.
     *
     * @throws IllegalArgumentException as the {@link Phase} constructor
     */
    public Phase build() {
      return new Phase(name, workload, mode, targetRate, concurrency, duration, counts, rates, latency,
          timeSeries, labels, repetitions);
    }
  }
}
