package io.micronats.nats.internal;

import io.nats.client.impl.Headers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Maps micronats message headers to NATS headers and back, losslessly.
 *
 * <p>Stateless and thread-safe. A header whose name and value NATS can carry as they are travels
 * as a plain NATS header, so other NATS clients see it. Any other header (a name with spaces,
 * colons or non-ASCII characters, a value with line breaks, non-ASCII characters or surrounding
 * spaces) and any user header that starts with the reserved prefix {@value #RESERVED_PREFIX}
 * travels percent-encoded under the name {@value #ESCAPED_PREFIX}{@code <encoded name>}.
 * Headers starting with {@value #RESERVED_PREFIX} are otherwise micronats control headers.
 */
public final class HeaderCodec {

  /** The prefix of every header micronats itself uses. */
  public static final String RESERVED_PREFIX = "Mn-";
  /** The prefix of a percent-encoded user header. */
  public static final String ESCAPED_PREFIX = "Mn-X-";

  private HeaderCodec() {}

  /**
   * NATS headers holding {@code user} plus the control headers in {@code control}, or
   * {@code null} when both are empty.
   */
  public static @Nullable Headers encode(Map<String, String> user, Map<String, String> control) {
    if (user.isEmpty() && control.isEmpty()) {
      return null;
    }
    Headers headers = new Headers();
    control.forEach(headers::put);
    user.forEach((name, value) -> {
      if (isPlainName(name) && isPlainValue(value)) {
        headers.put(name, value);
      } else {
        headers.put(ESCAPED_PREFIX + percentEncode(name), percentEncode(value));
      }
    });
    return headers;
  }

  /**
   * {@code headers} (from {@link #encode(Map)}, or {@code null}) with the control headers in
   * {@code control} added; the same block as {@link #encode(Map, Map)} would give, built once.
   */
  public static @Nullable Headers withControl(@Nullable Headers headers, Map<String, String> control) {
    if (control.isEmpty()) {
      return headers;
    }
    Headers out = headers == null ? new Headers() : headers;
    control.forEach(out::put);
    return out;
  }

  /** NATS headers for user headers only, or {@code null} when there are none. */
  public static @Nullable Headers encode(Map<String, String> user) {
    return encode(user, Map.of());
  }

  /** The user headers carried by {@code headers} (control headers left out). */
  public static Map<String, String> decode(@Nullable Headers headers) {
    if (headers == null || headers.isEmpty()) {
      return Map.of();
    }
    Map<String, String> user = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      String name = entry.getKey();
      List<String> values = entry.getValue();
      String value = values.isEmpty() ? "" : values.get(0);
      if (name.startsWith(ESCAPED_PREFIX)) {
        String decodedName = percentDecode(name.substring(ESCAPED_PREFIX.length()));
        if (!decodedName.isEmpty()) {
          user.put(decodedName, percentDecode(value));
        }
      } else if (!name.startsWith(RESERVED_PREFIX)) {
        user.put(name, value);
      }
    }
    return user;
  }

  /** The first value of control header {@code name}, or {@code null}. */
  public static @Nullable String control(@Nullable Headers headers, String name) {
    return headers == null ? null : headers.getFirst(name);
  }

  /** The encoded size of {@code headers} on the wire, 0 for none. */
  public static int size(@Nullable Headers headers) {
    return headers == null ? 0 : headers.serializedLength();
  }

  static boolean isPlainName(String name) {
    if (name.isEmpty() || name.startsWith(RESERVED_PREFIX)) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= 32 || c >= 127 || c == ':') {
        return false;
      }
    }
    return true;
  }

  /** True when {@code value} can travel as a control header value unchanged. */
  public static boolean isPlainValueForControl(String value) {
    return isPlainValue(value);
  }

  static boolean isPlainValue(String value) {
    int n = value.length();
    if (n > 0 && (value.charAt(0) == ' ' || value.charAt(n - 1) == ' ')) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 32 || c >= 127) {
        return false;
      }
    }
    return true;
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  static String percentEncode(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 8);
    for (byte b : bytes) {
      int c = b & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return out.toString();
  }

  static String percentDecode(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length()) {
        int hi = Character.digit(text.charAt(i + 1), 16);
        int lo = Character.digit(text.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi << 4 | lo);
          i += 2;
          continue;
        }
      }
      out.write(c < 128 ? c : '?');
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
