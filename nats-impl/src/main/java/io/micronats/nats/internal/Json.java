package io.micronats.nats.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small, strict JSON reader and writer: the registry's wire format and nats-server's monitoring
 * answers.
 *
 * <p>Stateless and thread-safe. {@link #parse} turns text into a tree of {@code Map<String,
 * Object>} (insertion-ordered), {@code List<Object>}, {@code String}, {@code BigDecimal},
 * {@code Boolean} and {@code null}; {@link #write} does the reverse, escaping like Go's
 * {@code encoding/json} (including {@code <}, {@code >} and {@code &}), so output matches what
 * go-micro writes. {@link #parseObject} reads the same grammar into a compact tree for monitoring
 * answers (no {@code null}s, numbers as {@code Long} or {@code Double}), read with the forgiving
 * accessors {@link #text}, {@link #longValue}, {@link #list}, {@link #strings} and
 * {@link #objects}. Every text is bounded by {@link JsonLimits} (length checked before parsing,
 * nesting and number length while parsing, numbers of ASCII digits only), so parsing takes time
 * linear in the text's length; anything malformed or over a limit fails with a
 * {@link JsonException} naming the position or the limit.
 */
public final class Json {

  /** The deepest nesting {@link #parse} accepts by default. */
  public static final int MAX_DEPTH = JsonLimits.DEFAULT_MAX_DEPTH;

  /** nats-server's own answers (a /connz of many connections exceeds a message's size): no length limit. */
  private static final JsonLimits MONITORING =
      new JsonLimits(Integer.MAX_VALUE, JsonLimits.DEFAULT_MAX_DEPTH, JsonLimits.DEFAULT_MAX_NUMBER_CHARS);

  private final String text;
  private final JsonLimits limits;
  /** Compact tree: drop {@code null} members and elements, numbers as {@code Long}/{@code Double}. */
  private final boolean compact;
  private int pos;

  private Json(String text, boolean compact, JsonLimits limits) {
    if (text.length() > limits.maxChars()) {
      JsonLimits.TOO_LONG.increment();
      throw new JsonException("JSON text of " + text.length() + " chars is over the limit of " + limits.maxChars()
          + " (setting '" + JsonLimits.MAX_CHARS + "')");
    }
    this.text = text;
    this.compact = compact;
    this.limits = limits;
  }

  /** A malformed JSON text; the message names the position and what was expected. */
  public static final class JsonException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    JsonException(String message) {
      super(message);
    }
  }

  /**
   * The tree of {@code text}.
   *
   * @throws JsonException when {@code text} is not one complete JSON value
   */
  public static @Nullable Object parse(String text) {
    return parse(text, JsonLimits.defaults());
  }

  /**
   * The tree of {@code text}, within {@code limits}.
   *
   * @throws JsonException when {@code text} is not one complete JSON value, or exceeds a limit
   */
  public static @Nullable Object parse(String text, JsonLimits limits) {
    return new Json(text, false, limits).document();
  }

  /**
   * The object in {@code text} as a compact tree, for monitoring answers: {@code null} members and
   * array elements are left out, integers that fit are {@code Long} and other numbers
   * {@code Double}.
   *
   * @throws JsonException naming the position and quoting (the start of) {@code text} when it is
   *     not one complete JSON object
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    Object value;
    try {
      value = new Json(text, true, MONITORING).document();
    } catch (JsonException e) {
      throw new JsonException(e.getMessage() + " in " + abbreviate(text));
    }
    if (!(value instanceof Map)) {
      throw new JsonException("expected a JSON object, got: " + abbreviate(text));
    }
    return (Map<String, Object>) value;
  }

  /** The member {@code key} as text ({@code toString()} of any value); empty when absent. */
  public static String text(Map<String, Object> object, String key) {
    Object v = object.get(key);
    return v == null ? "" : v.toString();
  }

  /** The member {@code key} as a {@code long} (truncated); 0 when absent or not a number. */
  public static long longValue(Map<String, Object> object, String key) {
    return object.get(key) instanceof Number n ? n.longValue() : 0L;
  }

  /** The member {@code key} when it is an array; else empty. */
  @SuppressWarnings("unchecked")
  public static List<Object> list(Map<String, Object> object, String key) {
    return object.get(key) instanceof List<?> l ? (List<Object>) l : List.of();
  }

  /** The elements of the array {@code key} as text ({@code toString()}); empty when absent. */
  public static List<String> strings(Map<String, Object> object, String key) {
    List<String> out = new ArrayList<>();
    for (Object o : list(object, key)) {
      out.add(o.toString());
    }
    return out;
  }

  /** The elements of the array {@code key} that are objects; empty when absent. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> objects(Map<String, Object> object, String key) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object o : list(object, key)) {
      if (o instanceof Map) {
        out.add((Map<String, Object>) o);
      }
    }
    return out;
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  /** The JSON text of {@code tree} (maps, iterables, strings, numbers, booleans, null). */
  public static String write(@Nullable Object tree) {
    StringBuilder out = new StringBuilder(256);
    write(tree, out);
    return out.toString();
  }

  private static void write(@Nullable Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(s, out);
    } else if (value instanceof Boolean || value instanceof Number) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(String.valueOf(e.getKey()), out);
        out.append(':');
        write(e.getValue(), out);
      }
      out.append('}');
    } else if (value instanceof Iterable<?> list) {
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(item, out);
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
    }
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            // The escapes Go's encoding/json writes, so our registry bytes match go-micro's.
            out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  // ---- reader ----

  private @Nullable Object document() {
    skipSpace();
    Object value = value(0);
    skipSpace();
    if (pos != text.length()) {
      throw error("end of input");
    }
    return value;
  }

  private @Nullable Object value(int depth) {
    if (depth > limits.maxDepth()) {
      JsonLimits.TOO_DEEP.increment();
      throw error("nesting of at most " + limits.maxDepth() + " levels (setting '" + JsonLimits.MAX_DEPTH + "')");
    }
    if (pos >= text.length()) {
      throw error("a value");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal("true", true);
      case 'f' -> literal("false", false);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("a value");
      }
    };
  }

  private Map<String, @Nullable Object> object(int depth) {
    pos++;
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("a member name");
      }
      String name = string();
      skipSpace();
      expect(':');
      skipSpace();
      Object v = value(depth + 1);
      if (v != null || !compact) {
        map.put(name, v);
      }
      skipSpace();
      char c = next();
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        pos--;
        throw error("',' or '}'");
      }
    }
  }

  private List<@Nullable Object> array(int depth) {
    pos++;
    List<@Nullable Object> list = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      skipSpace();
      Object v = value(depth + 1);
      if (v != null || !compact) {
        list.add(v);
      }
      skipSpace();
      char c = next();
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        pos--;
        throw error("',' or ']'");
      }
    }
  }

  private String string() {
    pos++;
    StringBuilder out = null;
    int start = pos;
    while (true) {
      if (pos >= text.length()) {
        throw error("a closing quote");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        String s = out == null ? text.substring(start, pos) : out.append(text, start, pos).toString();
        pos++;
        return s;
      }
      if (c < 0x20) {
        throw error("no raw control character in a string");
      }
      if (c == '\\') {
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(text, start, pos);
        pos++;
        char e = next();
        switch (e) {
          case '"' -> out.append('"');
          case '\\' -> out.append('\\');
          case '/' -> out.append('/');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (pos + 4 > text.length()) {
              throw error("4 hex digits");
            }
            int code = 0;
            for (int i = 0; i < 4; i++) {
              int d = Character.digit(text.charAt(pos + i), 16);
              if (d < 0) {
                throw error("4 hex digits");
              }
              code = code * 16 + d;
            }
            pos += 4;
            out.append((char) code);
          }
          default -> {
            pos--;
            throw error("a valid escape");
          }
        }
        start = pos;
      } else {
        pos++;
      }
    }
  }

  /** A {@code BigDecimal}; in a compact tree a {@code Long} for integers that fit, else a {@code Double}. */
  private Number number() {
    int start = pos;
    boolean integer = true;
    if (peek() == '-') {
      pos++;
    }
    int digits = 0;
    while (pos < text.length() && isDigit(text.charAt(pos)) && pos - start <= limits.maxNumberChars()) {
      pos++;
      digits++;
    }
    if (digits == 0) {
      throw error("digits");
    }
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      integer = false;
      int fraction = 0;
      while (pos < text.length() && isDigit(text.charAt(pos)) && pos - start <= limits.maxNumberChars()) {
        pos++;
        fraction++;
      }
      if (fraction == 0) {
        throw error("fraction digits");
      }
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      integer = false;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      int exp = 0;
      while (pos < text.length() && isDigit(text.charAt(pos)) && pos - start <= limits.maxNumberChars()) {
        pos++;
        exp++;
      }
      if (exp == 0 || exp > 4) {
        throw error("exponent digits (at most 4)");
      }
    }
    if (pos - start > limits.maxNumberChars()) {
      JsonLimits.NUMBER_TOO_LONG.increment();
      throw error("a number of at most " + limits.maxNumberChars() + " chars, not " + (pos - start)
          + " (setting '" + JsonLimits.MAX_NUMBER_CHARS + "')");
    }
    String raw = text.substring(start, pos);
    if (!compact) {
      return new BigDecimal(raw);
    }
    if (integer) {
      try {
        return Long.parseLong(raw);
      } catch (NumberFormatException beyondLong) {
        // an integer beyond the long range (Go's uint64 counters): read it as a double instead
      }
    }
    return Double.parseDouble(raw);
  }

  /** ASCII digits only: {@code Character.isDigit} also takes other scripts' digits, which numbers reject. */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private @Nullable Object literal(String word, @Nullable Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("'" + word + "'");
    }
    pos += word.length();
    return value;
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= text.length()) {
      throw error("more input");
    }
    return text.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) {
      pos--;
      throw error("'" + c + "'");
    }
  }

  private JsonException error(String expected) {
    return new JsonException("malformed JSON at offset " + pos + ": expected " + expected);
  }
}
