package io.micronats.simulator.load;

import io.micronats.simulator.measure.PhaseMeasurement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The open-model generator's lateness in a phase, as labels a reader of the results sees: the
 * median and p99 of {@code sendLag} (actual minus intended send time of the measured window's
 * operations) in milliseconds, {@code generator.lagP50Millis} and {@code generator.lagP99Millis}.
 * A large lag means the generator was starved of CPU (or of free workers): latencies stay honest
 * (measured from the intended time), but the offered rate was not really offered on time.
 *
 * <p>Stateless and thread-safe.
 */
public final class GeneratorLag {
  /** Label of the median lag, milliseconds with one decimal. */
  public static final String P50_LABEL = "generator.lagP50Millis";
  /** Label of the p99 lag, milliseconds with one decimal. */
  public static final String P99_LABEL = "generator.lagP99Millis";
  /** A median lag above this many milliseconds earns a warning in the summary. */
  public static final double WARN_P50_MILLIS = 50;

  private GeneratorLag() {}

  /** The lag labels of {@code m}; empty when it has no {@code sendLag} (closed loops, lookups...). */
  public static Map<String, String> labels(PhaseMeasurement m) {
    Map<String, String> out = new LinkedHashMap<>();
    Histogram lag = m.histograms().get(OpenLoopPacer.SEND_LAG);
    if (lag != null && lag.getTotalCount() > 0) {
      out.put(P50_LABEL, millis(lag.getValueAtPercentile(50)));
      out.put(P99_LABEL, millis(lag.getValueAtPercentile(99)));
    }
    return out;
  }

  /**
   * A warning line when the median lag in {@code labels} exceeds {@link #WARN_P50_MILLIS}, null
   * otherwise (also when the label is absent or not a number).
   */
  public static @Nullable String warning(String phase, Map<String, String> labels) {
    Double p50 = number(labels.get(P50_LABEL));
    if (p50 == null || p50 <= WARN_P50_MILLIS) {
      return null;
    }
    return String.format(Locale.ROOT, "WARNING %s: the load generator sent late (lag p50 %.1f ms, p99 %s ms; limit"
        + " %.0f ms): it was starved (a loaded machine, or maxInFlight full), so the offered rate was not"
        + " offered on time; latencies still count from the intended times", phase, p50,
        labels.getOrDefault(P99_LABEL, "?"), WARN_P50_MILLIS);
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
  }

  private static @Nullable Double number(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
