package io.micronats.simulator.agent;

import io.micronats.simulator.scenario.DiscoverySpec;
import io.micronats.simulator.scenario.RpcSpec;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.scenario.Workloads;
import java.util.List;

/**
 * The scenario one agent runs: the whole run's scenario with the RPC and discovery rates (and the
 * RPC sweep) divided by the number of agents, the RPC clients and in-flight bound split into
 * {@link Shares}, no discovery fleet sweep, the registry churn probes on agent 0 only, and a seed
 * of its own (so that agents do not call the same services in lockstep). The fleet and the broker
 * workload are unchanged: the agent hosts its share of them by {@link Assignment} ranges.
 *
 * <p>Stateless and thread-safe.
 */
public final class ShareScenario {
  private ShareScenario() {}

  /** Agent {@code a}'s scenario of {@code whole}. */
  public static Scenario of(Scenario whole, Assignment a) {
    int n = a.agents();
    int i = a.index();
    Workloads w = whole.workloads();
    RpcSpec r = w.rpc();
    RpcSpec rpc = new RpcSpec(r.enabled(), r.mode(), r.rate() / n, r.sweep().stream().map(x -> x / n).toList(),
        part(r.clients(), n, i), part(r.maxInFlight(), n, i), r.timeout(), r.phases());
    DiscoverySpec d = w.discovery();
    DiscoverySpec discovery = new DiscoverySpec(d.enabled(), d.rate() / n, d.strategies(), List.of(),
        i == 0 ? d.churnProbes() : 0, d.phases());
    return new Scenario(whole.name(), whole.description(), whole.seed() + 1_000_003L * i, whole.implementation(),
        whole.layout(), whole.fleet(), whole.registry(), new Workloads(discovery, rpc, w.broker(), w.baseline()),
        whole.pluginSettings(), whole.raw());
  }

  /** Share {@code i} of {@code total} split in {@code n}, at least 1. */
  static int part(int total, int n, int i) {
    return Math.max(1, Shares.to(total, n, i) - Shares.from(total, n, i));
  }
}
