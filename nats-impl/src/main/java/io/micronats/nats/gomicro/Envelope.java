package io.micronats.nats.gomicro;

import io.micronats.nats.internal.Json;
import io.micronats.nats.internal.JsonLimits;
import io.micronats.spi.Message;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * go-micro's {@code transport.Message} / {@code broker.Message} as Go's JSON encoder writes it:
 * {@code {"Header":{"<name>":"<value>",...},"Body":"<standard base64>"}}.
 *
 * <p>Stateless and thread-safe. {@link #encode} writes Go's bytes: {@code Header} first, names
 * sorted, {@code <>&} escaped, {@code "Header":null} for no headers, {@code "Body":""} for an empty
 * body. {@link #decode} accepts what Go's decoder accepts (keys in any order and any case, unknown
 * keys ignored, {@code null} for either field) and refuses the rest, including JSON that has
 * neither field (Go turns that into an empty message; micronats refuses it, so no data is lost
 * silently).
 */
public final class Envelope {

  /** The default largest envelope {@link #decode} reads, in bytes (8 MiB: above NATS' largest usual payload). */
  public static final int DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

  private Envelope() {}

  /** A payload that is not a go-micro envelope; the message says why. */
  public static final class MalformedEnvelopeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MalformedEnvelopeException(String message) {
      super(message);
    }
  }

  /** The envelope bytes of {@code message}. */
  public static byte[] encode(Message message) {
    Map<String, @Nullable Object> root = new LinkedHashMap<>(4);
    root.put("Header", message.headers().isEmpty() ? null : new TreeMap<>(message.headers()));
    root.put("Body", Base64.getEncoder().encodeToString(message.body()));
    return Json.write(root).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The message in {@code payload}.
   *
   * @throws MalformedEnvelopeException when it is longer than {@code maxBytes}, not JSON, not an
   *     object with {@code Header} or {@code Body}, has a header value that is not a string, or a
   *     body that is not standard base64
   */
  public static Message decode(byte[] payload, int maxBytes) {
    if (payload.length > maxBytes) {
      throw new MalformedEnvelopeException("envelope of " + payload.length + " bytes is over the limit of " + maxBytes);
    }
    Object tree;
    try {
      tree = Json.parse(new String(payload, StandardCharsets.UTF_8), new JsonLimits(maxBytes, 4, 64));
    } catch (Json.JsonException e) {
      throw new MalformedEnvelopeException("not JSON: " + e.getMessage());
    }
    if (!(tree instanceof Map<?, ?> root)) {
      throw new MalformedEnvelopeException("not a JSON object");
    }
    boolean seen = false;
    Object header = null;
    Object body = null;
    for (Map.Entry<?, ?> e : root.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.equalsIgnoreCase("Header")) {
        header = e.getValue();
        seen = true;
      } else if (key.equalsIgnoreCase("Body")) {
        body = e.getValue();
        seen = true;
      }
    }
    if (!seen) {
      throw new MalformedEnvelopeException("a JSON object with neither 'Header' nor 'Body'");
    }
    return new Message(headers(header), body(body));
  }

  private static Map<String, String> headers(@Nullable Object header) {
    if (header == null) {
      return Map.of();
    }
    if (!(header instanceof Map<?, ?> map)) {
      throw new MalformedEnvelopeException("'Header' is not an object");
    }
    Map<String, String> out = new LinkedHashMap<>(map.size() * 2);
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String name = String.valueOf(e.getKey());
      if (name.isEmpty()) {
        continue; // Go keeps it; a micronats message cannot hold an empty name
      }
      if (!(e.getValue() instanceof String value)) {
        throw new MalformedEnvelopeException("header '" + name + "' is not a string");
      }
      out.put(name, value);
    }
    return out;
  }

  private static byte[] body(@Nullable Object body) {
    if (body == null) {
      return new byte[0];
    }
    if (!(body instanceof String text)) {
      throw new MalformedEnvelopeException("'Body' is not a base64 string");
    }
    try {
      return Base64.getDecoder().decode(text.indexOf('\n') < 0 && text.indexOf('\r') < 0
          ? text : text.replace("\n", "").replace("\r", ""));
    } catch (IllegalArgumentException e) {
      throw new MalformedEnvelopeException("'Body' is not standard base64: " + e.getMessage());
    }
  }
}
