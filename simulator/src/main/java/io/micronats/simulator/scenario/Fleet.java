package io.micronats.simulator.scenario;

import java.util.Objects;

/**
 * The fake services a run starts. Immutable.
 *
 * @param services number of distinct service names
 * @param instancesPerService instances (registry nodes, RPC listeners) of each service
 * @param endpointsPerService RPC endpoints each service declares and serves
 * @param handlerLatency how long a handler takes before replying
 * @param requestBytes RPC request payload size
 * @param responseBytes RPC response payload size
 * @param servicesPerConnection how many fake services share one set of plugin instances (one NATS connection)
 * @param topicsPerService broker topics each service subscribes to
 * @param queueGroupShare fraction (0..1) of service subscriptions made in a queue group
 * @param versionsPerService versions each service is served in: instance j serves version
 *     {@code 1.<j mod versionsPerService>.0}, so a service has {@code min(versions, instances)} versions
 * @param nodesPerInstance registry nodes each instance registers (one served, the others extra
 *     nodes at the same address, as a go-micro process may register several)
 */
public record Fleet(int services, int instancesPerService, int endpointsPerService,
    LatencyDistribution handlerLatency, int requestBytes, int responseBytes, int servicesPerConnection,
    int topicsPerService, double queueGroupShare, int versionsPerService, int nodesPerInstance) {

  /** Checks only nulls; value rules live in the parser so that errors name the field. */
  public Fleet {
    Objects.requireNonNull(handlerLatency, "handlerLatency");
  }

  /** A fleet with one version per service and one node per instance. */
  public Fleet(int services, int instancesPerService, int endpointsPerService,
      LatencyDistribution handlerLatency, int requestBytes, int responseBytes, int servicesPerConnection,
      int topicsPerService, double queueGroupShare) {
    this(services, instancesPerService, endpointsPerService, handlerLatency, requestBytes, responseBytes,
        servicesPerConnection, topicsPerService, queueGroupShare, 1, 1);
  }

  /** This fleet with other instance, version and node counts per service. */
  public Fleet withShape(int instances, int versions, int nodes) {
    return new Fleet(services, instances, endpointsPerService, handlerLatency, requestBytes, responseBytes,
        servicesPerConnection, topicsPerService, queueGroupShare, versions, nodes);
  }

  /** The versions a lookup of one service must return. */
  public int expectedVersions() {
    return Math.min(versionsPerService, instancesPerService);
  }

  /** The nodes a lookup of one service must return. */
  public int expectedNodes() {
    return instancesPerService * nodesPerInstance;
  }

  /** Total number of service instances. */
  public int instances() {
    return services * instancesPerService;
  }

  /** Number of plugin-instance groups (connections) the fleet uses. */
  public int connections() {
    return (instances() + servicesPerConnection - 1) / servicesPerConnection;
  }
}
