package io.micronats.spi.registry;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A named operation a service offers, with the shape of its request and response.
 *
 * <p>Immutable.
 *
 * @param name the endpoint name, for example {@code Greeter.Hello}
 * @param request the request's value tree, or {@code null} when not described
 * @param response the response's value tree, or {@code null} when not described
 * @param metadata free-form key/values
 */
public record Endpoint(
    String name, @Nullable Value request, @Nullable Value response, Map<String, String> metadata) {

  public Endpoint {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("endpoint name must not be blank: '" + name + "'");
    }
    metadata = Map.copyOf(metadata);
  }

  /** An endpoint with no described request, response or metadata. */
  public static Endpoint of(String name) {
    return new Endpoint(name, null, null, Map.of());
  }

  /** The request's shape, if described. */
  public Optional<Value> requestShape() {
    return Optional.ofNullable(request);
  }

  /** The response's shape, if described. */
  public Optional<Value> responseShape() {
    return Optional.ofNullable(response);
  }
}
