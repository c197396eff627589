package io.micronats.simulator.agent;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * Encodes HdrHistograms as Base64 of their compressed form and back, so that histograms travel in
 * JSON and merge exactly on the other side.
 *
 * <p>Stateless and thread-safe.
 */
public final class HistogramCodec {
  private HistogramCodec() {}

  /** The Base64 text of {@code h}'s compressed encoding. */
  public static String encode(Histogram h) {
    ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int length = h.encodeIntoCompressedByteBuffer(buffer);
    byte[] bytes = new byte[length];
    buffer.flip();
    buffer.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * The histogram encoded in {@code base64}.
   *
   * @throws IllegalArgumentException when the text is not an encoded histogram
   */
  public static Histogram decode(String base64) {
    try {
      byte[] bytes = Base64.getDecoder().decode(base64);
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("not an encoded HdrHistogram: " + e.getMessage(), e);
    }
  }
}
