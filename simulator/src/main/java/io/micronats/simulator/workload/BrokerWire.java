package io.micronats.simulator.workload;

import java.nio.ByteBuffer;

/**
 * The broker workload's message layout: publisher id (int), reserved (int), sequence (long),
 * intended send time (long, {@code System.nanoTime()} of the publishing JVM), then padding up to
 * the payload size. A publisher id of {@value #PROBE} marks an interest probe. Stateless.
 */
public final class BrokerWire {
  /** Bytes of the header. */
  public static final int HEADER = 24;
  /** Publisher id of interest probes. */
  public static final int PROBE = -1;

  private BrokerWire() {}

  /** Encodes a message of {@code size} bytes (at least {@link #HEADER}). */
  public static byte[] encode(int publisher, long sequence, long intendedNanos, int size) {
    byte[] body = new byte[Math.max(HEADER, size)];
    ByteBuffer.wrap(body).putInt(publisher).putInt(0).putLong(sequence).putLong(intendedNanos);
    return body;
  }

  /** The publisher id of a message. */
  public static int publisher(byte[] body) {
    return ByteBuffer.wrap(body).getInt(0);
  }

  /** The sequence number of a message. */
  public static long sequence(byte[] body) {
    return ByteBuffer.wrap(body).getLong(8);
  }

  /** The intended send time of a message. */
  public static long intended(byte[] body) {
    return ByteBuffer.wrap(body).getLong(16);
  }

  /** True when the body is long enough to carry the header. */
  public static boolean valid(byte[] body) {
    return body.length >= HEADER;
  }
}
