package io.micronats.reports.model;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution: its summary percentiles in microseconds and, optionally, the whole
 * HdrHistogram (values in nanoseconds) in HdrHistogram's compressed Base64 encoding, so that a
 * report can recompute any percentile.
 *
 * <p>Immutable and thread-safe. Build one from a recorded histogram with
 * {@link #fromNanos(AbstractHistogram)}:
 *
 * <pre>{@code
 * Histogram nanos = recorder.getIntervalHistogram();
 * LatencyHistogram latency = LatencyHistogram.fromNanos(nanos);   // summary + encoded histogram
 * }</pre>
 *
 * <p>This is not a live histogram: it does not record values.
 *
 * @param p50 median, microseconds
 * @param p90 90th percentile, microseconds
 * @param p99 99th percentile, microseconds
 * @param p999 99.9th percentile, microseconds
 * @param max largest value, microseconds
 * @param mean arithmetic mean, microseconds (never the headline; shown for completeness)
 * @param count number of recorded values
 * @param encoded the HdrHistogram (nanoseconds) compressed and Base64 encoded, if kept
 */
public record LatencyHistogram(
    double p50, double p90, double p99, double p999, double max, double mean, long count,
    Optional<String> encoded) {

  private static final double NANOS_PER_MICRO = 1_000.0;

  /**
   * Validates: every value finite and not negative, and {@code p50 <= p90 <= p99 <= p999 <= max}.
   *
   * @throws IllegalArgumentException naming the value that broke the rule
   */
  public LatencyHistogram {
    Copies.nonNegative(p50, "p50");
    Copies.nonNegative(p90, "p90");
    Copies.nonNegative(p99, "p99");
    Copies.nonNegative(p999, "p999");
    Copies.nonNegative(max, "max");
    Copies.nonNegative(mean, "mean");
    Copies.nonNegative(count, "count");
    if (p50 > p90 || p90 > p99 || p99 > p999 || p999 > max) {
      throw new IllegalArgumentException("percentiles must not decrease: p50=" + p50 + " p90=" + p90
          + " p99=" + p99 + " p999=" + p999 + " max=" + max);
    }
    encoded = encoded == null ? Optional.empty() : encoded;
  }

  /** A summary without the encoded histogram (values in microseconds). */
  public static LatencyHistogram ofMicros(
      double p50, double p90, double p99, double p999, double max, double mean, long count) {
    return new LatencyHistogram(p50, p90, p99, p999, max, mean, count, Optional.empty());
  }

  /**
   * The summary (converted to microseconds) and the compressed encoding of a histogram whose
   * values are nanoseconds. The histogram is only read.
   */
  public static LatencyHistogram fromNanos(AbstractHistogram nanos) {
    ByteBuffer buffer = ByteBuffer.allocate(nanos.getNeededByteBufferCapacity());
    int length = nanos.encodeIntoCompressedByteBuffer(buffer);
    String base64 = Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    return new LatencyHistogram(
        micros(nanos, 50.0), micros(nanos, 90.0), micros(nanos, 99.0), micros(nanos, 99.9),
        nanos.getTotalCount() == 0 ? 0.0 : nanos.getMaxValue() / NANOS_PER_MICRO,
        nanos.getTotalCount() == 0 ? 0.0 : nanos.getMean() / NANOS_PER_MICRO,
        nanos.getTotalCount(), Optional.of(base64));
  }

  /**
   * Decodes the histogram (values in nanoseconds), if this summary carries one.
   *
   * @throws IllegalArgumentException when the encoding is not a compressed HdrHistogram
   */
  public Optional<Histogram> decodeNanos() {
    if (encoded.isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(encoded.get());
      return Optional.of(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0));
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException(
          "encoded is not a Base64 compressed HdrHistogram: " + e.getMessage(), e);
    }
  }

  /** A copy without the encoded histogram, for example for a smaller file. */
  public LatencyHistogram withoutEncoded() {
    return new LatencyHistogram(p50, p90, p99, p999, max, mean, count, Optional.empty());
  }

  /** The value at {@code percentile} in microseconds, from the encoded histogram if present. */
  public Optional<Double> percentileMicros(double percentile) {
    return decodeNanos().map(h -> micros(h, percentile));
  }

  private static double micros(AbstractHistogram nanos, double percentile) {
    return nanos.getTotalCount() == 0 ? 0.0 : nanos.getValueAtPercentile(percentile) / NANOS_PER_MICRO;
  }
}
