package io.micronats.simulator.cli;

import io.micronats.simulator.load.LoadPlan;
import io.micronats.simulator.run.Console;
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
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Run a scenario file and write DIR/results.json and raw histogram logs.",
        "The scenario is validated before anything starts (see simulator/SCENARIOS.md)."})
public final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO.yaml", description = "The scenario file.")
  Path scenarioFile;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for results.json and logs.")
  Path out;

  @Option(names = "--urls", split = ",", paramLabel = "URL",
      description = "Use an existing cluster (comma-separated client URLs) instead of the scenario's backend.")
  List<String> urls = new ArrayList<>();

  @Option(names = "--implementation", paramLabel = "NAME",
      description = "Override the scenario's implementation (nats, memory, or a plugin name).")
  @Nullable String implementation;

  @Option(names = "--validate-only", description = "Check the scenario and print the plan, run nothing.")
  boolean validateOnly;

  @Mixin OutputOptions output;

  /** The plan the last call built (for tests). */
  @Nullable LoadPlan plan;

  @Override
  public Integer call() throws Exception {
    Scenario scenario = ScenarioParser.parse(scenarioFile);
    if (implementation != null) {
      scenario = ScenarioOverrides.implementation(scenario, implementation);
    }
    plan = LoadPlan.builder(scenario).outputDirectory(out).progress(!output.quiet)
        .histogramLogs(!output.noHistogramLogs).externalUrls(urls).build();
    Console console = new Console(spec.commandLine().getOut(), !output.quiet, 2.0);
    if (validateOnly) {
      Summaries.printPlan(console, plan);
      return ExitCodes.OK;
    }
    SimulationResult result = Simulation.run(plan, console);
    Summaries.printResult(console, result);
    return result.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
