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

  /** A builder with the parser's defaults (1000 services, 1 instance, 2 endpoints, no handler latency, ...). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this fleet's values. */
  public Builder toBuilder() {
    return new Builder().services(services).instancesPerService(instancesPerService)
        .endpointsPerService(endpointsPerService).handlerLatency(handlerLatency).requestBytes(requestBytes)
        .responseBytes(responseBytes).servicesPerConnection(servicesPerConnection).topicsPerService(topicsPerService)
        .queueGroupShare(queueGroupShare).versionsPerService(versionsPerService).nodesPerInstance(nodesPerInstance);
  }

  /** This fleet with other instance, version and node counts per service. */
  public Fleet withShape(int instances, int versions, int nodes) {
    return toBuilder().instancesPerService(instances).versionsPerService(versions).nodesPerInstance(nodes).build();
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

  /** Builds a {@link Fleet}; every field starts at the scenario parser's default. Not thread-safe. */
  public static final class Builder {
    private int services = 1000;
    private int instancesPerService = 1;
    private int endpointsPerService = 2;
    private LatencyDistribution handlerLatency = LatencyDistribution.NONE;
    private int requestBytes = 128;
    private int responseBytes = 128;
    private int servicesPerConnection = 100;
    private int topicsPerService = 1;
    private double queueGroupShare = 0.5;
    private int versionsPerService = 1;
    private int nodesPerInstance = 1;

    private Builder() { }

    /** See {@link Fleet#services()}. */
    public Builder services(int v) {
      services = v;
      return this;
    }

    /** See {@link Fleet#instancesPerService()}. */
    public Builder instancesPerService(int v) {
      instancesPerService = v;
      return this;
    }

    /** See {@link Fleet#endpointsPerService()}. */
    public Builder endpointsPerService(int v) {
      endpointsPerService = v;
      return this;
    }

    /** See {@link Fleet#handlerLatency()}. */
    public Builder handlerLatency(LatencyDistribution v) {
      handlerLatency = v;
      return this;
    }

    /** See {@link Fleet#requestBytes()}. */
    public Builder requestBytes(int v) {
      requestBytes = v;
      return this;
    }

    /** See {@link Fleet#responseBytes()}. */
    public Builder responseBytes(int v) {
      responseBytes = v;
      return this;
    }

    /** See {@link Fleet#servicesPerConnection()}. */
    public Builder servicesPerConnection(int v) {
      servicesPerConnection = v;
      return this;
    }

    /** See {@link Fleet#topicsPerService()}. */
    public Builder topicsPerService(int v) {
      topicsPerService = v;
      return this;
    }

    /** See {@link Fleet#queueGroupShare()}. */
    public Builder queueGroupShare(double v) {
      queueGroupShare = v;
      return this;
    }

    /** See {@link Fleet#versionsPerService()}. */
    public Builder versionsPerService(int v) {
      versionsPerService = v;
      return this;
    }

    /** See {@link Fleet#nodesPerInstance()}. */
    public Builder nodesPerInstance(int v) {
      nodesPerInstance = v;
      return this;
    }

    /** The fleet; checks only nulls, like the constructor. */
    public Fleet build() {
      return new Fleet(services, instancesPerService, endpointsPerService, handlerLatency, requestBytes, responseBytes,
          servicesPerConnection, topicsPerService, queueGroupShare, versionsPerService, nodesPerInstance);
    }
  }
}
