package io.micronats.simulator.cli;

import io.micronats.simulator.agent.Agent;
import io.micronats.simulator.agent.AgentReport;
import io.micronats.simulator.console.Console;
import io.micronats.simulator.load.LoadPlan;
import io.micronats.simulator.run.DistributedSimulation;
import io.micronats.simulator.run.Simulation;
import io.micronats.simulator.run.SimulationResult;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.scenario.ScenarioParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code simulate SCENARIO.yaml --out DIR}: validates the scenario, runs it with progress, and
 * writes {@code DIR/results.json} plus raw histogram logs.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Run a scenario file and write DIR/results.json and raw histogram logs.",
        "The scenario is validated before anything starts (see simulator/SCENARIOS.md)."})
public final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.yaml",
      description = "The scenario file (optional with --agent: the coordinator sends its scenario).")
  @Nullable Path scenarioFile;

  @Option(names = "--out", paramLabel = "DIR", description = "Directory for results.json and logs (not with --agent).")
  @Nullable Path out;

  @Option(names = "--urls", split = ",", paramLabel = "URL",
      description = "Use an existing cluster (comma-separated client URLs) instead of the scenario's backend.")
  List<String> urls = new ArrayList<>();

  @Option(names = "--implementation", paramLabel = "NAME",
      description = "Override the scenario's implementation (nats, memory, or a plugin name).")
  @Nullable String implementation;

  @Option(names = "--jar", paramLabel = "PLUGIN.jar",
      description = {"A plugin's jar to load (repeatable): its providers become usable as",
          "`implementation: NAME` in the scenario or with --implementation."})
  List<Path> jars = new ArrayList<>();

  @Option(names = "--validate-only", description = "Check the scenario and print the plan, run nothing.")
  boolean validateOnly;

  @Option(names = "--agent", description = {"Join a distributed run as an agent (needs --run, and --urls or a",
      "scenario with an external layout): host a share of the fleet and run a share of every workload."})
  boolean agent;

  @Option(names = "--agents", paramLabel = "N", description = {"Coordinate a distributed run over N agents:",
      "split the fleet and every workload's load, merge the agents' phases into DIR/results.json."})
  int agents;

  @Option(names = "--agent-silence", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Coordinator: fail the run when an agent sends no heartbeat for this long (default: 10s).")
  java.time.@Nullable Duration agentSilence;

  @Option(names = "--run", paramLabel = "ID", description = "The distributed run's id (letters, digits, '-', '_').")
  @Nullable String run;

  @Option(names = "--agent-name", paramLabel = "NAME", description = "This agent's name (default: agent-<host>-<pid>).")
  @Nullable String agentName;

  @Option(names = "--join-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long to wait for agents or a coordinator (default: 2m).")
  java.time.@Nullable Duration joinTimeout;

  @Mixin OutputOptions output;

  /** The plan the last call built (for tests). */
  @Nullable LoadPlan plan;

  // "try": the interrupt notice is held for the run's scope and is never referenced inside it.
  @SuppressWarnings("try")
  @Override
  public Integer call() throws Exception {
    Console console = new Console(spec.commandLine().getOut(), !output.quiet, 2.0);
    if (agent && scenarioFile == null) {
      return distributed(null, console);
    }
    if (scenarioFile == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'SCENARIO.yaml'");
    }
    try {
      PluginJars.install(jars);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Scenario scenario = ScenarioParser.parse(scenarioFile);
    if (implementation != null) {
      scenario = ScenarioOverrides.implementation(scenario, implementation);
    }
    PluginJars.requirePlugin(scenario.implementation());
    if (agent) {
      return distributed(scenario, console);
    }
    if (out == null && !validateOnly) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--out=DIR'");
    }
    // --validate-only writes nothing, so it needs no --out; the plan still names a directory.
    Path dir = out != null ? out : Path.of("(none: --validate-only writes nothing)");
    plan = LoadPlan.builder(scenario).outputDirectory(dir).progress(!output.quiet)
        .histogramLogs(!output.noHistogramLogs).externalUrls(urls).build();
    if (agents > 0) {
      return distributed(scenario, console);
    }
    if (validateOnly) {
      Summaries.printPlan(console, plan);
      return ExitCodes.OK;
    }
    SimulationResult result;
    try (InterruptNotice notice = InterruptNotice.register(plan.outputDirectory(), spec.commandLine().getErr())) {
      result = Simulation.run(plan, console);
    }
    Summaries.printResult(console, result);
    return result.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  /** {@code agent-<host>-<pid>}, reduced to the characters an agent name may have. */
  private static String defaultAgentName() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "host";
    }
    String name = ("agent-" + host + "-" + ProcessHandle.current().pid()).replaceAll("[^A-Za-z0-9_-]", "-");
    return name.length() <= 64 ? name : name.substring(name.length() - 64);
  }

  private Integer distributed(@Nullable Scenario scenario, Console console) throws Exception {
    if (agent && agents > 0) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--agent and --agents exclude each other");
    }
    if (run == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--run ID is required with --agent and --agents");
    }
    java.time.Duration wait = joinTimeout == null ? java.time.Duration.ofMinutes(2) : joinTimeout;
    if (agent) {
      String name = agentName != null ? agentName : defaultAgentName();
      AgentReport report =
          Agent.join(scenario, urls, run, name, wait, console);
      console.line("agent " + name + ": " + report.counts()
          + (report.error().isEmpty() ? "" : "; failed: " + report.error()));
      return report.error().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
    if (scenario == null || out == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--agents needs SCENARIO.yaml and --out");
    }
    try {
      DistributedSimulation.Outcome outcome =
          DistributedSimulation.coordinate(scenario, urls, run, agents, out, wait,
              agentSilence == null ? java.time.Duration.ofSeconds(10) : agentSilence, console);
      console.line("results: " + outcome.file());
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    return ExitCodes.OK;
  }
}
