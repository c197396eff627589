package io.micronats.reports.model;

/**
 * The well-known keys of {@link Phase#counts()}, {@link Phase#rates()} and {@link Phase#latency()}
 * that the renderers understand. Other keys are allowed and shown as they are.
 *
 * <p>Constants only; thread-safe.
 */
public final class MetricNames {
  /** Count: operations that completed successfully. */
  public static final String SUCCESSES = "successes";
  /** Count: requests that timed out (the peer may have processed them). */
  public static final String TIMEOUTS = "timeouts";
  /** Count: requests that failed because nobody was listening. */
  public static final String NO_RESPONDERS = "noResponders";
  /** Count: requests answered with an error by the remote handler. */
  public static final String REMOTE_ERRORS = "remoteErrors";
  /** Count: calls that failed because the registry knew no node of the service. */
  public static final String SERVICE_NOT_FOUND = "serviceNotFound";
  /** Count: calls that failed because the client was not connected. */
  public static final String NOT_CONNECTED = "notConnected";
  /** Count: calls that failed for any other reason (the producer may break it down by exception class). */
  public static final String ERRORS = "errors";
  /** Count: calls that were never sent (the load generator could not start them). */
  public static final String NOT_SENT = "notSent";
  /** Count: messages published but never delivered. */
  public static final String LOST = "lost";
  /** Count: messages delivered more than once. */
  public static final String DUPLICATED = "duplicated";
  /** Count: messages delivered out of publish order. */
  public static final String REORDERED = "reordered";
  /** Count: slow-consumer events (client drops or server slow consumers). */
  public static final String SLOW_CONSUMERS = "slowConsumers";
  /** Count: values above the histogram's highest trackable value, clamped when recorded. */
  public static final String CLAMPED = "clamped";

  /** Rate (per second): completed operations per second over the phase. */
  public static final String ACHIEVED = "achieved";
  /** Rate (per second): operations the generator attempted per second. */
  public static final String OFFERED = "offered";

  /** Latency: request to reply of an RPC, from the intended send time in open mode. */
  public static final String RPC = "rpc";
  /** Latency: publish to delivery of a broker message. */
  public static final String DELIVERY = "delivery";
  /** Latency: discovery query to the first reply. */
  public static final String DISCOVERY_FIRST = "discovery.first";
  /** Latency: discovery query to the last expected reply (all N instances). */
  public static final String DISCOVERY_ALL = "discovery.all";

  /** Latency: a registry lookup (getService) as the caller sees it. */
  public static final String LOOKUP = "lookup";

  /** Label: the implementation under test, for example {@code "nats"} or {@code "memory"}. */
  public static final String IMPLEMENTATION = "implementation";
  /** Label: the cluster layout, for example {@code "3"} (nodes). */
  public static final String LAYOUT = "layout";
  /** Label: the registry strategy. */
  public static final String STRATEGY = "strategy";
  /** Label: the number of service instances (discovery phases). */
  public static final String SERVICES = "services";

  /** Label: the number of faults injected in the run. */
  public static final String FAULTS = "faults";
  /** Label: the number of load agents of a distributed run. */
  public static final String AGENTS = "agents";
  /** Label: requests (or callers) in flight at once. */
  public static final String IN_FLIGHT = "inFlight";
  /** Label: the highest RPC rate still served (requests per second), when several rates ran. */
  public static final String RPC_KNEE = "rpc.knee";
  /** Label: the largest fleet held in the run (services). */
  public static final String FLEET_MAX_SERVICES = "fleet.maxServices";
  /** Label: the NATS connections the fleet held. */
  public static final String FLEET_CONNECTIONS = "fleet.connections";
  /** Label: CPU cores the simulator used while the fleet idled. */
  public static final String SIMULATOR_IDLE_CPU_CORES = "simulator.idleCpuCores";
  /** Label: the simulator's used heap with the fleet held, in MiB. */
  public static final String SIMULATOR_HEAP_USED_MIB = "simulator.heapUsedMiB";
  /** Label: the simulator's live threads with the fleet held. */
  public static final String SIMULATOR_THREADS = "simulator.threads";

  private MetricNames() {}
}
