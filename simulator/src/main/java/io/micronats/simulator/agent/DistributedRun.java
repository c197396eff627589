package io.micronats.simulator.agent;

import io.micronats.reports.model.LatencyHistogram;
import io.micronats.reports.model.Phase;
import io.micronats.spi.plugin.PluginConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The coordinator's side of a distributed run, in one call: wait for the agents, assign the
 * plan, collect and merge, and describe the merged result as a results phase.
 *
 * <p>Stateless and thread-safe; each call owns its {@link Coordinator}.
 */
public final class DistributedRun {
  private DistributedRun() {}

  /**
   * Runs {@code plan} on {@code agents} agents joining run {@code run}.
   *
   * @param joinTimeout how long to wait for the agents to join
   * @throws IllegalStateException when agents do not join, acknowledge or report in time
   */
  public static MergedResult coordinate(PluginConfig config, String run, int agents, RunPlan plan,
      Duration joinTimeout) throws InterruptedException {
    Objects.requireNonNull(plan, "plan");
    if (agents < 1) {
      throw new IllegalArgumentException("agents must be at least 1, got " + agents);
    }
    try (Coordinator c = new Coordinator(config, run)) {
      c.open();
      List<JoinRequest> joined = c.awaitAgents(agents, joinTimeout);
      c.assign(joined, plan);
      Duration reportTimeout = plan.startDelay().plus(plan.duration()).plusSeconds(60);
      return c.collect(reportTimeout);
    }
  }

  /**
   * The merged result as one open-model RPC phase: summed counts, the merged {@code rpc}
   * histogram, and labels naming the agents and their shares.
   */
  public static Phase toPhase(String name, RunPlan plan, MergedResult merged) {
    Phase.Builder b = Phase.builder(name, "rpc").duration(plan.duration()).counts(merged.counts())
        .label("agents", Integer.toString(merged.reports().size()))
        .label("mode", "open (latency from intended send time), distributed");
    if (plan.totalRatePerSecond() > 0) {
      b.open(plan.totalRatePerSecond());
    }
    if (merged.encodedHistograms().containsKey("rpc")) {
      b.latency("rpc", LatencyHistogram.fromNanos(merged.histogram("rpc")));
    }
    double seconds = Math.max(1e-9, plan.duration().toNanos() / 1e9);
    b.rate("achieved", merged.count("successes") / seconds);
    for (AgentReport r : merged.reports()) {
      b.label("agent." + r.index(), r.agent() + ": " + r.count("calls") + " calls, " + r.count("served") + " served");
    }
    return b.build();
  }
}
