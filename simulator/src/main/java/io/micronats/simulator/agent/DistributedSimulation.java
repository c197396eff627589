package io.micronats.simulator.agent;

import io.micronats.reports.model.ResultsWriter;
import io.micronats.reports.model.RunResult;
import io.micronats.simulator.cluster.RunBackend;
import io.micronats.simulator.run.ResultsAssembler;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.spi.plugin.PluginConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code simulate --agents N} and {@code simulate --agent}: a scenario's fleet and RPC load split
 * across simulator agents, over the NATS cluster the scenario (or {@code --urls}) names. The
 * coordinator merges the agents' histograms into one {@code results.json}.
 *
 * <p>What is split: the fake services (contiguous shares, raw NATS request/reply handlers, see
 * {@link ServiceCallWork}) and the RPC rate (equal shares); each agent calls services of the whole
 * fleet, so calls cross agents. Stateless and thread-safe; each call owns what it starts.
 */
public final class DistributedSimulation {
  private DistributedSimulation() {}

  /** The plan of scenario {@code s}: its services, RPC rate, measured time and timeout. */
  public static RunPlan plan(Scenario s) {
    var rpc = s.workloads().rpc();
    return new RunPlan(s.fleet().services(), rpc.rate(), rpc.phases().measured(), Duration.ofSeconds(3),
        Map.of("timeoutMillis", Long.toString(rpc.timeout().toMillis()),
            "payloadBytes", Integer.toString(s.fleet().requestBytes()), "seed", Long.toString(s.seed())));
  }

  /**
   * Coordinates a run of {@code agents} agents on the scenario's cluster (started here when
   * local: the agents then need its URLs, printed on {@code out}), and writes
   * {@code out/results.json}.
   *
   * @return the results file
   */
  public static Path coordinate(Scenario s, List<String> urls, String run, int agents, Path outDir,
      Duration joinTimeout, Consumer<String> out) throws Exception {
    Instant startedAt = Instant.now();
    try (RunBackend backend = RunBackend.start(s.layout(), urls)) {
      PluginConfig config = config(s, backend);
      out.accept("coordinating run " + run + " for " + agents + " agent(s) on " + backend.description());
      out.accept("agents join with: micronats simulate SCENARIO.yaml --agent --run " + run + " --urls "
          + String.join(",", backend.clientUrls()));
      RunPlan plan = plan(s);
      MergedResult merged = DistributedRun.coordinate(config, run, agents, plan, joinTimeout);
      for (AgentReport r : merged.reports()) {
        out.accept("agent " + r.agent() + ": " + r.counts());
      }
      out.accept("merged: " + merged.counts());
      RunResult.Builder result = RunResult.builder(new io.micronats.reports.model.Scenario(s.name(),
          ResultsAssembler.flatten(s.raw())), ResultsAssembler.environment(backend.serverVersion(),
          backend.description(), "raw-nats (agents)"), startedAt);
      result.phase(DistributedRun.toPhase("distributed-rpc", plan, merged));
      result.label("agents", Integer.toString(agents));
      result.label("run", run);
      Files.createDirectories(outDir);
      Path file = outDir.resolve("results.json");
      ResultsWriter.write(result.build(), file);
      return file;
    }
  }

  /** Joins run {@code run} as agent {@code name} and runs its share. */
  public static AgentReport join(Scenario s, List<String> urls, String run, String name, Duration joinTimeout)
      throws Exception {
    if (urls.isEmpty() && s.layout().backend() != io.micronats.simulator.scenario.Layout.Backend.EXTERNAL) {
      throw new IllegalArgumentException("--agent needs the coordinator's cluster: --urls, or an external layout");
    }
    try (RunBackend backend = RunBackend.start(s.layout(), urls);
        Agent agent = new Agent(config(s, backend), run, name, new ServiceCallWork())) {
      return agent.run(joinTimeout);
    }
  }

  private static PluginConfig config(Scenario s, RunBackend backend) {
    PluginConfig c = backend.clientConfig();
    for (Map.Entry<String, String> e : RunBackend.securitySettings(s.layout().security()).entrySet()) {
      c = c.with(e.getKey(), e.getValue());
    }
    return c;
  }
}
