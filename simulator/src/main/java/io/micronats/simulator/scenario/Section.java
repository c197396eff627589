package io.micronats.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One mapping of a scenario file being read: typed accessors with defaults that record the
 * resolved value, and a {@link #finish()} that rejects fields nobody asked for. Every error is a
 * {@link ScenarioException} naming the field's dotted path. Not thread-safe; used by one parse.
 */
final class Section {
  private final ObjectNode node;
  private final String path;
  private final Set<String> known = new LinkedHashSet<>();
  private final Map<String, Object> resolved = new LinkedHashMap<>();

  Section(ObjectNode node, String path) {
    this.node = node;
    this.path = path;
  }

  String path() {
    return path;
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The values read so far, with defaults filled in, in reading order. */
  Map<String, Object> resolved() {
    return resolved;
  }

  boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  private @Nullable JsonNode raw(String key) {
    known.add(key);
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value;
  }

  /** The raw value at {@code key} (marked known), or null; for sub-parsers with rules of their own. */
  @Nullable JsonNode rawValue(String key) {
    return raw(key);
  }

  Section section(String key) {
    JsonNode value = raw(key);
    if (value != null && !value.isObject()) {
      throw new ScenarioException(pathOf(key), "must be a mapping of fields, was " + describe(value));
    }
    Section child = new Section(value == null ? node.objectNode() : (ObjectNode) value, pathOf(key));
    resolved.put(key, child.resolved);
    return child;
  }

  int integer(String key, int fallback, int min, int max) {
    JsonNode value = raw(key);
    int result = fallback;
    if (value != null) {
      if (!value.canConvertToInt() || !(value.isIntegralNumber() || isIntegralText(value))) {
        throw new ScenarioException(pathOf(key), "must be an integer, was " + describe(value));
      }
      result = value.isTextual() ? Integer.parseInt(value.asText().trim()) : value.intValue();
    }
    checkRange(key, result, min, max);
    resolved.put(key, result);
    return result;
  }

  long longValue(String key, long fallback) {
    JsonNode value = raw(key);
    long result = fallback;
    if (value != null) {
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw new ScenarioException(pathOf(key), "must be an integer, was " + describe(value));
      }
      result = value.longValue();
    }
    resolved.put(key, result);
    return result;
  }

  double number(String key, double fallback, double min, double max) {
    JsonNode value = raw(key);
    double result = fallback;
    if (value != null) {
      if (!value.isNumber()) {
        throw new ScenarioException(pathOf(key), "must be a number, was " + describe(value));
      }
      result = value.doubleValue();
    }
    checkRange(key, result, min, max);
    resolved.put(key, result);
    return result;
  }

  boolean bool(String key, boolean fallback) {
    JsonNode value = raw(key);
    boolean result = fallback;
    if (value != null) {
      if (!value.isBoolean()) {
        throw new ScenarioException(pathOf(key), "must be true or false, was " + describe(value));
      }
      result = value.booleanValue();
    }
    resolved.put(key, result);
    return result;
  }

  String string(String key, String fallback) {
    JsonNode value = raw(key);
    String result = fallback;
    if (value != null) {
      if (!value.isValueNode() || value.isContainerNode()) {
        throw new ScenarioException(pathOf(key), "must be a text value, was " + describe(value));
      }
      result = value.asText();
    }
    resolved.put(key, result);
    return result;
  }

  Duration duration(String key, Duration fallback, Duration min) {
    JsonNode value = raw(key);
    Duration result = fallback;
    if (value != null) {
      result = parseDuration(pathOf(key), value);
    }
    if (result.compareTo(min) < 0) {
      throw new ScenarioException(pathOf(key), "must be >= " + format(min) + ", was " + format(result));
    }
    resolved.put(key, format(result));
    return result;
  }

  <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
    JsonNode value = raw(key);
    E result = value == null ? fallback : parseEnum(pathOf(key), value, type);
    resolved.put(key, yamlName(result));
    return result;
  }

  <E extends Enum<E>> List<E> enumList(String key, Class<E> type, List<E> fallback) {
    List<E> result = list(key, fallback, (p, v) -> parseEnum(p, v, type));
    resolved.put(key, result.stream().map(Section::yamlName).toList());
    return result;
  }

  List<Integer> intList(String key, List<Integer> fallback, int min) {
    List<Integer> result = list(key, fallback, (p, v) -> {
      if (!v.isIntegralNumber() || !v.canConvertToInt()) {
        throw new ScenarioException(p, "must be an integer, was " + describe(v));
      }
      if (v.intValue() < min) {
        throw new ScenarioException(p, "must be >= " + min + ", was " + v.intValue());
      }
      return v.intValue();
    });
    resolved.put(key, result);
    return result;
  }

  List<Double> numberList(String key, List<Double> fallback, double min) {
    List<Double> result = list(key, fallback, (p, v) -> {
      if (!v.isNumber()) {
        throw new ScenarioException(p, "must be a number, was " + describe(v));
      }
      if (v.doubleValue() < min) {
        throw new ScenarioException(p, "must be >= " + trim(min) + ", was " + trim(v.doubleValue()));
      }
      return v.doubleValue();
    });
    resolved.put(key, result);
    return result;
  }

  List<String> stringList(String key, List<String> fallback) {
    List<String> result = list(key, fallback, (p, v) -> {
      if (!v.isTextual()) {
        throw new ScenarioException(p, "must be a text value, was " + describe(v));
      }
      return v.asText();
    });
    resolved.put(key, result);
    return result;
  }

  Map<String, String> stringMap(String key) {
    JsonNode value = raw(key);
    Map<String, String> result = new LinkedHashMap<>();
    if (value != null) {
      if (!value.isObject()) {
        throw new ScenarioException(pathOf(key), "must be a mapping of names to values, was " + describe(value));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isValueNode()) {
          throw new ScenarioException(pathOf(key) + "." + e.getKey(), "must be a text value, was " + describe(e.getValue()));
        }
        result.put(e.getKey(), e.getValue().asText());
      }
    }
    Map<String, String> shown = new LinkedHashMap<>();
    result.forEach((k, v) -> shown.put(k, k.contains("password") || k.contains("token") || k.contains("seed") ? "***" : v));
    resolved.put(key, shown);
    return result;
  }

  /** Rejects every field of this mapping that no accessor asked for. */
  void finish() {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw new ScenarioException(pathOf(name), "unknown field (known fields here: " + String.join(", ", known) + ")");
      }
    }
  }

  ScenarioException error(String key, String problem) {
    return new ScenarioException(pathOf(key), problem);
  }

  @FunctionalInterface
  private interface ItemParser<T> {
    T parse(String path, JsonNode value);
  }

  private <T> List<T> list(String key, List<T> fallback, ItemParser<T> item) {
    JsonNode value = raw(key);
    if (value == null) {
      return fallback;
    }
    if (!value.isArray()) {
      throw new ScenarioException(pathOf(key), "must be a list, was " + describe(value));
    }
    List<T> result = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      result.add(item.parse(pathOf(key) + "[" + i + "]", value.get(i)));
    }
    return List.copyOf(result);
  }

  private void checkRange(String key, double value, double min, double max) {
    if (value < min) {
      throw new ScenarioException(pathOf(key), "must be >= " + trim(min) + ", was " + trim(value));
    }
    if (value > max) {
      throw new ScenarioException(pathOf(key), "must be <= " + trim(max) + ", was " + trim(value));
    }
  }

  private static boolean isIntegralText(JsonNode value) {
    return value.isTextual() && value.asText().trim().matches("-?\\d{1,9}");
  }

  static String trim(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }

  static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "'" + value.asText() + "'";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    return value.toString();
  }

  static <E extends Enum<E>> String yamlName(E value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static <E extends Enum<E>> E parseEnum(String path, JsonNode value, Class<E> type) {
    String text = value.isValueNode() ? value.asText().trim() : "";
    String key = text.toUpperCase(Locale.ROOT).replace('-', '_');
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(key)) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(yamlName(constant));
    }
    throw new ScenarioException(path, "must be one of " + String.join(", ", names) + ", was " + describe(value));
  }

  static Duration parseDuration(String path, JsonNode value) {
    if (!value.isTextual()) {
      throw new ScenarioException(path, "must be a duration with a unit (500us, 250ms, 5s, 2m), was " + describe(value));
    }
    try {
      return Durations.parse(value.asText());
    } catch (IllegalArgumentException e) {
      throw new ScenarioException(path, "must be a duration with a unit (500us, 250ms, 5s, 2m), was " + describe(value));
    }
  }

  static String format(Duration d) {
    return Durations.format(d);
  }

}
