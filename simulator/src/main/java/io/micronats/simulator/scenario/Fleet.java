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
 */
public record Fleet(int services, int instancesPerService, int endpointsPerService,
    LatencyDistribution handlerLatency, int requestBytes, int responseBytes, int servicesPerConnection,
    int topicsPerService, double queueGroupShare) {

  /** Checks only nulls; value rules live in the parser so that errors name the field. */
  public Fleet {
    Objects.requireNonNull(handlerLatency, "handlerLatency");
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
