package io.micronats.spi.internal;

import io.micronats.spi.Message;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The size of a message as a payload limit counts it: the body plus, for each header,
 * its name and value in UTF-8 and four bytes of framing (as in NATS headers).
 *
 * <p>Stateless and thread-safe.
 */
public final class MessageSize {

  private MessageSize() {}

  /** The counted size of {@code message}, in bytes. */
  public static long of(Message message) {
    long size = message.bodyLength();
    for (Map.Entry<String, String> header : message.headers().entrySet()) {
      size += utf8Length(header.getKey()) + utf8Length(header.getValue()) + 4;
    }
    return size;
  }

  private static long utf8Length(String s) {
    boolean ascii = true;
    for (int i = 0; i < s.length() && ascii; i++) {
      ascii = s.charAt(i) < 0x80;
    }
    return ascii ? s.length() : s.getBytes(StandardCharsets.UTF_8).length;
  }
}
