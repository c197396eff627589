package io.micronats.spi.registry;

import java.util.List;
import java.util.Objects;

/**
 * A node of a value tree describing a request or response: a field name, its type, and nested
 * fields.
 *
 * <p>Immutable.
 *
 * @param name the field name
 * @param type the type name
 * @param values nested fields
 */
public record Value(String name, String type, List<Value> values) {

  public Value {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    values = List.copyOf(values);
  }

  /** A leaf value. */
  public static Value of(String name, String type) {
    return new Value(name, type, List.of());
  }
}
