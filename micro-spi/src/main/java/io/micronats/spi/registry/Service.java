package io.micronats.spi.registry;

import io.micronats.spi.Names;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A service as the registry knows it: a name and version, metadata, its endpoints, and the
 * nodes that serve it.
 *
 * <p>Immutable; lists and maps are copied in and unmodifiable out.
 *
 * @param name the service name, validated by {@link Names#requireServiceName}
 * @param version the version; may be empty
 * @param metadata free-form key/values
 * @param endpoints what the service offers
 * @param nodes the instances serving it
 */
public record Service(
    String name,
    String version,
    Map<String, String> metadata,
    List<Endpoint> endpoints,
    List<Node> nodes) {

  public Service {
    Names.requireServiceName(name);
    Objects.requireNonNull(version, "version");
    metadata = Map.copyOf(metadata);
    endpoints = List.copyOf(endpoints);
    nodes = List.copyOf(nodes);
  }

  /** A service with no metadata and no endpoints. */
  public static Service of(String name, String version, Node... nodes) {
    return new Service(name, version, Map.of(), List.of(), List.of(nodes));
  }

  /** A copy with other nodes. */
  public Service withNodes(List<Node> newNodes) {
    return new Service(name, version, metadata, endpoints, newNodes);
  }

  /** A copy with other endpoints. */
  public Service withEndpoints(List<Endpoint> newEndpoints) {
    return new Service(name, version, metadata, newEndpoints, nodes);
  }

  /** A copy with other metadata. */
  public Service withMetadata(Map<String, String> newMetadata) {
    return new Service(name, version, newMetadata, endpoints, nodes);
  }
}
