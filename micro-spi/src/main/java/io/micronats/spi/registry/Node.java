package io.micronats.spi.registry;

import java.util.Map;
import java.util.Objects;

/**
 * One instance of a service: an id unique within the service, the transport address to dial,
 * and metadata.
 *
 * <p>Immutable.
 *
 * @param id unique within its service; not empty
 * @param address the transport address clients dial
 * @param metadata free-form key/values
 */
public record Node(String id, String address, Map<String, String> metadata) {

  public Node {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(address, "address");
    if (id.isBlank()) {
      throw new IllegalArgumentException("node id must not be blank: '" + id + "'");
    }
    metadata = Map.copyOf(metadata);
  }

  /** A node with no metadata. */
  public static Node of(String id, String address) {
    return new Node(id, address, Map.of());
  }
}
