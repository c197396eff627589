package io.micronats.reports.analysis;

import io.micronats.reports.model.LatencyHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * The latency-by-percentile curve of a distribution, HdrHistogram style: points at percentiles
 * {@code 1 - 10^-x} for x in steps of 0.1 up to the resolution of the sample count, recomputed from
 * the encoded histogram when present, else the summary's p50/p90/p99/p99.9/max.
 *
 * <p>Stateless and thread-safe.
 */
public final class PercentileSpectrum {
  private static final double STEP = 0.1;

  private PercentileSpectrum() {}

  /**
   * One point of the curve.
   *
   * @param x {@code log10(1 / (1 - percentile/100))}: 0 at p0, 1 at p90, 2 at p99, 3 at p99.9
   * @param percentile the percentile, 0..100
   * @param micros the latency at that percentile
   */
  public record Point(double x, double percentile, double micros) {}

  /** The curve of {@code latency}; the last point is the maximum, placed at x = log10(count). */
  public static List<Point> of(LatencyHistogram latency) {
    Optional<Histogram> decoded = decodeQuietly(latency);
    long count = Math.max(latency.count(), 1);
    List<Point> points = new ArrayList<>();
    if (decoded.isPresent() && decoded.get().getTotalCount() > 0) {
      Histogram h = decoded.get();
      double last = Math.max(Math.log10((double) h.getTotalCount()), 1.0);
      int steps = (int) Math.floor(last / STEP + 1e-9);
      for (int i = 0; i < steps; i++) {
        double x = i * STEP;
        double p = 100.0 * (1 - Math.pow(10, -x));
        points.add(new Point(x, p, h.getValueAtPercentile(p) / 1_000.0));
      }
      points.add(new Point(last, 100.0, h.getMaxValue() / 1_000.0));
      return points;
    }
    points.add(new Point(Math.log10(2), 50, latency.p50()));
    points.add(new Point(1, 90, latency.p90()));
    points.add(new Point(2, 99, latency.p99()));
    points.add(new Point(3, 99.9, latency.p999()));
    points.add(new Point(Math.max(Math.log10((double) count), 3.5), 100, latency.max()));
    return points;
  }

  /** Whether the curve is recomputed from an encoded histogram (true) or from the summary (false). */
  public static boolean isFromHistogram(LatencyHistogram latency) {
    return decodeQuietly(latency).isPresent();
  }

  private static Optional<Histogram> decodeQuietly(LatencyHistogram latency) {
    try {
      return latency.decodeNanos();
    } catch (IllegalArgumentException e) {
      // A corrupt encoding falls back to the summary; the summary values are still valid.
      return Optional.empty();
    }
  }
}
