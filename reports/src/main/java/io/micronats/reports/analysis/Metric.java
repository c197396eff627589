package io.micronats.reports.analysis;

import io.micronats.reports.model.Better;
import io.micronats.reports.model.LatencyHistogram;
import io.micronats.reports.model.MetricNames;
import io.micronats.reports.model.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * A named figure read from a phase (and each of its repetitions): a latency percentile of the
 * phase's primary latency, a rate, or an error count, with its unit and which direction is better.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name shown name, for example {@code "p99"}
 * @param unit {@code "us"}, {@code "/s"} or {@code ""} (a count)
 * @param better which direction is an improvement
 * @param reader reads the figure from measurements, empty when absent
 */
public record Metric(String name, String unit, Better better, Function<Measured, OptionalDouble> reader) {

  /** Latency keys in order of preference for a phase's headline distribution. */
  private static final List<String> PRIMARY = List.of(
      MetricNames.RPC, MetricNames.DELIVERY, MetricNames.DISCOVERY_ALL, MetricNames.LOOKUP,
      MetricNames.DISCOVERY_FIRST);

  /** Error-like count keys, summed into "errors". */
  public static final List<String> ERROR_COUNTS = List.of(MetricNames.TIMEOUTS, MetricNames.NO_RESPONDERS,
      MetricNames.SERVICE_NOT_FOUND, MetricNames.NOT_CONNECTED, MetricNames.REMOTE_ERRORS, MetricNames.ERRORS,
      MetricNames.NOT_SENT, MetricNames.LOST);

  /** The figures compared side by side: p50, p90, p99, p99.9, max, achieved rate, errors, duplicates. */
  public static List<Metric> standard(Phase phase) {
    String key = primaryLatencyKey(phase).orElse(MetricNames.RPC);
    List<Metric> metrics = new ArrayList<>();
    metrics.add(latency("p50", key, LatencyHistogram::p50));
    metrics.add(latency("p90", key, LatencyHistogram::p90));
    metrics.add(latency("p99", key, LatencyHistogram::p99));
    metrics.add(latency("p99.9", key, LatencyHistogram::p999));
    metrics.add(latency("max", key, LatencyHistogram::max));
    metrics.add(achievedRate());
    metrics.add(new Metric("errors", "", Better.LOWER, Metric::errors));
    metrics.add(new Metric(MetricNames.DUPLICATED, "", Better.LOWER,
        m -> optionalLong(m.counts().get(MetricNames.DUPLICATED))));
    return metrics;
  }

  /** The achieved rate (per second) of a phase. */
  public static Metric achievedRate() {
    return new Metric("achieved rate", "/s", Better.HIGHER, m -> optional(m.rates().get(MetricNames.ACHIEVED)));
  }

  /** A latency percentile of the distribution {@code key}, in microseconds. */
  public static Metric latency(String name, String key, ToDoubleFunction<LatencyHistogram> field) {
    return new Metric(name, "us", Better.LOWER, m -> {
      LatencyHistogram h = m.latency().get(key);
      return h == null ? OptionalDouble.empty() : OptionalDouble.of(field.applyAsDouble(h));
    });
  }

  /** The headline latency distribution of a phase: rpc, delivery, discovery.all, lookup, discovery.first, else the first. */
  public static Optional<String> primaryLatencyKey(Phase phase) {
    for (String key : PRIMARY) {
      if (phase.latency().containsKey(key)) {
        return Optional.of(key);
      }
    }
    return phase.latency().keySet().stream().findFirst();
  }

  /** The figure of the phase aggregate, with the count and spread over its repetitions. */
  public Optional<Spread> of(Phase phase) {
    OptionalDouble value = reader.apply(Measured.of(phase));
    if (value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Spread.of(value.getAsDouble(),
        phase.repetitions().stream().map(r -> reader.apply(Measured.of(r))).toList()));
  }

  private static OptionalDouble errors(Measured m) {
    boolean any = false;
    long sum = 0;
    for (String key : ERROR_COUNTS) {
      Long v = m.counts().get(key);
      if (v != null) {
        any = true;
        sum += v;
      }
    }
    return any ? OptionalDouble.of((double) sum) : OptionalDouble.empty();
  }

  private static OptionalDouble optional(@Nullable Double v) {
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  private static OptionalDouble optionalLong(@Nullable Long v) {
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
