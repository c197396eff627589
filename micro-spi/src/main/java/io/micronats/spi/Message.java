package io.micronats.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message: ordered, case-preserving headers and an immutable body of bytes.
 *
 * <p>Both the {@link io.micronats.spi.transport.Transport} and the
 * {@link io.micronats.spi.broker.Broker} carry it. Immutable and thread-safe: the constructor
 * copies the headers and the body, and {@link #body()} returns a copy, so no caller can change a
 * message another thread holds.
 *
 * <pre>{@code
 * Message request = Message.of("hello").withHeader("Content-Type", "text/plain");
 * }</pre>
 *
 * <p>Header names keep their case and their insertion order; {@link #header(String)} matches the
 * name exactly. Unlike go-micro's {@code Message}, a header map is never {@code null}.
 *
 * @param headers header names to values, in insertion order; copied
 * @param body the payload; copied
 */
// The body array is copied in and out, and equals/hashCode/toString compare its content (STYLE P5).
@SuppressWarnings("ArrayRecordComponent")
public record Message(Map<String, String> headers, byte[] body) {

  private static final byte[] EMPTY = new byte[0];

  public Message {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    if (headers.isEmpty()) {
      headers = Collections.emptyMap(); // most messages: nothing to copy
    } else {
      LinkedHashMap<String, String> copy = new LinkedHashMap<>(headers.size() * 2);
      headers.forEach((name, value) -> {
        Objects.requireNonNull(name, "header name");
        Objects.requireNonNull(value, () -> "value of header '" + name + "'");
        if (name.isEmpty()) {
          throw new IllegalArgumentException("header name must not be empty");
        }
        copy.put(name, value);
      });
      headers = Collections.unmodifiableMap(copy);
    }
    body = body.length == 0 ? EMPTY : body.clone();
  }

  /** A message with no headers and the given body (copied). */
  public static Message of(byte[] body) {
    return new Message(Map.of(), body);
  }

  /** A message with no headers and the UTF-8 bytes of {@code body}. */
  public static Message of(String body) {
    return of(body.getBytes(StandardCharsets.UTF_8));
  }

  /** A message with no headers and an empty body. */
  public static Message empty() {
    return of(EMPTY);
  }

  /** A copy of the body. Use {@link #bodyLength()} or {@link #bodyAsString()} to avoid copying. */
  @Override
  public byte[] body() {
    return body.length == 0 ? EMPTY : body.clone();
  }

  /** The number of bytes in the body. */
  public int bodyLength() {
    return body.length;
  }

  /** The body decoded as UTF-8. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The value of the header with exactly this name. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** A copy of this message with the header set (replacing a header of the same name). */
  public Message withHeader(String name, String value) {
    LinkedHashMap<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Message(copy, body);
  }

  /** A copy of this message with all the given headers set. */
  public Message withHeaders(Map<String, String> more) {
    LinkedHashMap<String, String> copy = new LinkedHashMap<>(headers);
    copy.putAll(more);
    return new Message(copy, body);
  }

  /** A copy of this message with another body. */
  public Message withBody(byte[] newBody) {
    return new Message(headers, newBody);
  }

  /** Equal when the headers (in any order) and the body bytes are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Message m && headers.equals(m.headers) && Arrays.equals(body, m.body);
  }

  @Override
  public int hashCode() {
    return 31 * headers.hashCode() + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "Message[headers=" + headers + ", body=" + body.length + " bytes]";
  }
}
