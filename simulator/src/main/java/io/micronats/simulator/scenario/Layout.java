package io.micronats.simulator.scenario;

import java.util.List;
import java.util.Objects;

/**
 * Where the NATS servers are and who connects to which. Immutable.
 *
 * @param nodes number of NATS servers (local backends start this many)
 * @param backend how the servers are provided
 * @param urls client URLs of an existing cluster (backend {@code external}), one per node
 * @param clientNodes node indexes (0-based) the load generators connect to, round robin
 * @param serviceNodes node indexes the fake services connect to, round robin
 * @param security authentication and TLS profile
 * @param linkProxies whether a local cluster puts link proxies in front of client and route ports,
 *     for link faults and partitions ({@code layout.linkProxies}, default false)
 */
public record Layout(int nodes, Backend backend, List<String> urls, List<Integer> clientNodes,
    List<Integer> serviceNodes, Security security, boolean linkProxies) {

  /** How the NATS servers of a run are provided. */
  public enum Backend {
    /** nats-server processes started on loopback by the simulator. */
    LOCAL,
    /** The official nats image in Docker, via Testcontainers (needs a Docker engine). */
    TESTCONTAINERS,
    /** An existing cluster given by its URLs. */
    EXTERNAL
  }

  /** Copies the lists. */
  public Layout {
    Objects.requireNonNull(backend, "backend");
    urls = List.copyOf(urls);
    clientNodes = List.copyOf(clientNodes);
    serviceNodes = List.copyOf(serviceNodes);
    Objects.requireNonNull(security, "security");
  }

  /** A layout without link proxies. */
  public Layout(int nodes, Backend backend, List<String> urls, List<Integer> clientNodes, List<Integer> serviceNodes,
      Security security) {
    this(nodes, backend, urls, clientNodes, serviceNodes, security, false);
  }

  /** True when clients and services use disjoint nodes, so every call crosses a route. */
  public boolean crossesRoutes() {
    return clientNodes.stream().noneMatch(serviceNodes::contains);
  }
}
