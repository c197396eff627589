package io.micronats.simulator.agent;

import io.micronats.simulator.scenario.DiscoverySpec;
import io.micronats.simulator.scenario.FaultSchedule;
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
    RpcSpec rpc = r.toBuilder().rate(r.rate() / n).sweep(r.sweep().stream().map(x -> x / n).toList())
        .clients(part(r.clients(), n, i)).maxInFlight(part(r.maxInFlight(), n, i)).build();
    DiscoverySpec d = w.discovery();
    DiscoverySpec discovery = d.toBuilder().rate(d.rate() / n).sweep(List.of()).churnProbes(i == 0 ? d.churnProbes() : 0)
        .build();
    // no faults in a share, as before (distributed runs refuse scenarios with faults)
    return whole.toBuilder().seed(whole.seed() + 1_000_003L * i)
        .workloads(new Workloads(discovery, rpc, w.broker(), w.baseline())).faults(FaultSchedule.NONE).build();
  }

  /** Share {@code i} of {@code total} split in {@code n}, at least 1. */
  static int part(int total, int n, int i) {
    return Math.max(1, Shares.to(total, n, i) - Shares.from(total, n, i));
  }
}
