package io.micronats.simulator.scenario;

import java.util.Objects;

/**
 * The workloads of a scenario. Immutable.
 *
 * @param discovery the discovery workload
 * @param rpc the RPC workload
 * @param broker the broker workload
 * @param baseline the raw-jnats baseline
 */
public record Workloads(DiscoverySpec discovery, RpcSpec rpc, BrokerSpec broker, BaselineSpec baseline) {
  /** Checks nulls. */
  public Workloads {
    Objects.requireNonNull(discovery, "discovery");
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(baseline, "baseline");
  }
}
