package io.micronats.simulator.run;

import io.micronats.reports.model.MetricNames;
import io.micronats.reports.model.ResultsWriter;
import io.micronats.reports.model.RunResult;
import io.micronats.simulator.agent.Agent;
import io.micronats.simulator.agent.AgentReport;
import io.micronats.simulator.agent.Assignment;
import io.micronats.simulator.agent.Coordinator;
import io.micronats.simulator.agent.DistributedMerge;
import io.micronats.simulator.agent.JoinRequest;
import io.micronats.simulator.cluster.RunBackend;
import io.micronats.simulator.console.Console;
import io.micronats.simulator.scenario.Layout;
import io.micronats.simulator.scenario.Phases;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.scenario.ScenarioParser;
import io.micronats.simulator.workload.PhaseRecord;
import io.micronats.simulator.workload.PhaseRunner;
import io.micronats.simulator.workload.RpcWorkload;
import io.micronats.spi.plugin.PluginConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code simulate --agents N} and {@code simulate --agent}: a scenario's fleet and load split
 * across simulator agents over the NATS cluster the scenario (or {@code --urls}) names. Each agent
 * hosts a contiguous share of the fake services through the plugin under test and runs its share
 * of every enabled workload (see {@link AgentRun}); the coordinator runs the start barrier and
 * merges the agents' phases into one {@code results.json} with the phases of a single-machine run
 * ({@link DistributedMerge}).
 *
 * <p>Stateless and thread-safe; each call owns what it starts.
 */
public final class DistributedSimulation {
  private DistributedSimulation() {}

  /**
   * What a coordinated run produced.
   *
   * @param file the results file
   * @param result the results written
   * @param reports the agents' reports by index
   * @param phases the merged phases
   */
  public record Outcome(Path file, RunResult result, List<AgentReport> reports, List<PhaseRecord> phases) {
    public Outcome {
      reports = List.copyOf(reports);
      phases = List.copyOf(phases);
    }
  }

  /**
   * Coordinates a run of {@code agents} agents on the scenario's cluster (started here when
   * local: the agents then need its URLs, printed on {@code console}), and writes
   * {@code outDir/results.json}.
   *
   * @param silence how long an agent may be silent before the run fails naming it
   * @throws IllegalArgumentException when the scenario cannot be split (faults, in-memory plugin)
   * @throws IllegalStateException when agents do not join, fail, die or stall (named)
   */
  public static Outcome coordinate(Scenario s, List<String> urls, String run, int agents, Path outDir,
      Duration joinTimeout, Duration silence, Console console) throws Exception {
    if (agents < 1) {
      throw new IllegalArgumentException("--agents must be at least 1, got " + agents);
    }
    if (!s.faults().faults().isEmpty()) {
      throw new IllegalArgumentException("faults are not supported in distributed runs yet; remove 'faults' or"
          + " run on one machine");
    }
    if (!s.needsNats()) {
      throw new IllegalArgumentException("implementation '" + s.implementation() + "' does not span processes;"
          + " distributed runs need a plugin that talks over NATS");
    }
    Instant startedAt = Instant.now();
    long t0 = System.nanoTime();
    try (RunBackend backend = RunBackend.start(s.layout(), urls)) {
      console.step("coordinating run " + run + " of scenario " + s.name() + " over " + agents + " agent(s) on "
          + backend.description());
      console.step("agents join with: micronats simulate --agent --run " + run + " --urls "
          + String.join(",", backend.clientUrls()));
      List<AgentReport> reports;
      List<Assignment> shares;
      try (Coordinator c = new Coordinator(Agent.controlConfig(s, backend), run)) {
        c.timeouts(silence, Duration.ofMinutes(10)).progress(console::step);
        c.open();
        List<JoinRequest> joined = c.awaitAgents(agents, joinTimeout);
        shares = c.assign(joined, s);
        shares.forEach(a -> console.step("agent " + a.agent() + ": " + a.describe()));
        reports = c.serve(estimate(s).plusMinutes(30));
      }
      List<PhaseRecord> phases = DistributedMerge.phases(reports);
      ResultsAssembler.Results result = ResultsAssembler.results(s, ResultsAssembler.environment(
          backend.serverVersion(), backend.description() + ", " + agents + " agent(s)", "spi-rpc"), startedAt);
      result.labels(ResultsAssembler.scenarioLabels(s));
      result.label(MetricNames.AGENTS, Integer.toString(agents));
      result.label("run", run);
      if (s.workloads().baseline().enabled()) {
        result.label("baseline", "not run in distributed runs");
      }
      if (!s.workloads().discovery().sweep().isEmpty()) {
        result.label("discovery.sweep", "not run in distributed runs: lookups measured at fleet.services only");
      }
      long connections = 0;
      long idleMilliCores = 0;
      long heap = 0;
      long threads = 0;
      for (AgentReport r : reports) {
        connections += r.count("fleetConnections");
        idleMilliCores += r.count("idleCpuMilliCores");
        heap += r.count("heapUsedMiB");
        threads += r.count("threads");
      }
      result.label(MetricNames.FLEET_MAX_SERVICES, Integer.toString(s.fleet().services()));
      result.label(MetricNames.FLEET_CONNECTIONS, connections + " (all agents)");
      result.label(MetricNames.SIMULATOR_IDLE_CPU_CORES, String.format(Locale.ROOT, "%.3f", idleMilliCores / 1000.0)
          + " (all agents)");
      result.label(MetricNames.SIMULATOR_HEAP_USED_MIB, heap + " (all agents)");
      result.label(MetricNames.SIMULATOR_THREADS, threads + " (all agents)");
      for (AgentReport r : reports) {
        Assignment a = shares.get(r.index());
        result.label("agent." + r.index(), r.agent() + " on " + r.host() + ": " + a.describe());
        result.label("agent." + r.index() + ".served", Long.toString(r.count("served")));
        result.label("agent." + r.index() + ".localCalls", Long.toString(r.count("localCalls")));
        result.label("agent." + r.index() + ".remoteCalls", Long.toString(r.count("remoteCalls")));
      }
      List<PhaseRecord> rpc = phases.stream().filter(p -> p.workload().equals("rpc")).toList();
      double knee = RpcWorkload.knee(rpc);
      if (rpc.size() > 1 && knee > 0) {
        result.label(MetricNames.RPC_KNEE, PhaseRunner.fmt(knee));
      }
      RunResult built = result.phases(phases).build();
      Files.createDirectories(outDir);
      Path file = outDir.resolve("results.json");
      ResultsWriter.write(built, file);
      for (AgentReport r : reports) {
        console.line("agent " + r.agent() + " (" + r.host() + "): hosted " + r.count("hostedServices")
            + " services, served " + r.count("served") + " calls; its callers' successful calls: "
            + r.count("localCalls") + " local, " + r.count("remoteCalls") + " to other agents' services");
      }
      Summary.lines(built, phases, Duration.ofNanos(System.nanoTime() - t0)).forEach(console::line);
      return new Outcome(file, built, reports, phases);
    }
  }

  /** A generous bound on the run's length: every phase of every enabled workload, plus priming. */
  static Duration estimate(Scenario s) {
    var w = s.workloads();
    Duration d = Duration.ZERO;
    if (w.discovery().enabled()) {
      d = d.plus(length(w.discovery().phases()).multipliedBy(w.discovery().strategies().size()))
          .plusSeconds(10L * w.discovery().churnProbes());
    }
    if (w.rpc().enabled()) {
      d = d.plus(length(w.rpc().phases()).plus(w.rpc().timeout()).multipliedBy(1 + w.rpc().sweep().size()));
    }
    if (w.broker().enabled()) {
      d = d.plus(length(w.broker().phases())).plusSeconds(60);
    }
    return d.multipliedBy(2);
  }

  private static Duration length(Phases p) {
    return p.warmup().plus(p.measured()).plus(p.cooldown());
  }
}
