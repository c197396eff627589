package io.micronats.reports.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Defensive copies for the model's records: absent (JSON) means empty, null elements are rejected. */
final class Copies {
  private Copies() {}

  /** An unmodifiable copy keeping the iteration order of {@code source}; {@code null} gives an empty map. */
  static <K, V> Map<K, V> map(@Nullable Map<K, V> source, String name) {
    if (source == null || source.isEmpty()) {
      return Map.of();
    }
    LinkedHashMap<K, V> copy = new LinkedHashMap<>();
    source.forEach((k, v) -> copy.put(
        Objects.requireNonNull(k, () -> name + " has a null key"),
        Objects.requireNonNull(v, () -> name + " has a null value for key " + k)));
    return Collections.unmodifiableMap(copy);
  }

  /** An unmodifiable copy; {@code null} gives an empty list. */
  static <T> List<T> list(@Nullable List<T> source, String name) {
    if (source == null) {
      return List.of();
    }
    for (int i = 0; i < source.size(); i++) {
      if (source.get(i) == null) {
        throw new NullPointerException(name + " has a null element at index " + i);
      }
    }
    return List.copyOf(source);
  }

  static double finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, was " + value);
    }
    return value;
  }

  static double nonNegative(double value, String name) {
    if (!(finite(value, name) >= 0)) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
    return value;
  }

  static long nonNegative(long value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + value);
    }
    return value;
  }

  static String text(@Nullable String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
