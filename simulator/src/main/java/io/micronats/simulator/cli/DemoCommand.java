package io.micronats.simulator.cli;

import io.micronats.simulator.load.LoadPlan;
import io.micronats.simulator.run.Console;
import io.micronats.simulator.run.ReportLauncher;
import io.micronats.simulator.run.Simulation;
import io.micronats.simulator.run.SimulationResult;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.scenario.ScenarioParser;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: runs the default scenario (3-node local cluster, 1,000 fake services, discovery,
 * RPC and broker workloads and the raw baseline), prints a summary and renders a report when the
 * reports module provides one.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run the default scenario and render a report (about 2-3 minutes).",
        "A 3-node local cluster, 1,000 fake services, discovery, RPC and broker workloads and the raw-jnats baseline."})
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", defaultValue = "target/demo", paramLabel = "DIR",
      description = "Directory for results and the report (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--implementation", paramLabel = "NAME", description = "Run the demo on another plugin (default: nats).")
  @Nullable String implementation;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    Scenario scenario = ScenarioParser.defaults();
    if (implementation != null) {
      scenario = ScenarioOverrides.implementation(scenario, implementation);
    }
    LoadPlan plan = LoadPlan.builder(scenario).outputDirectory(out).progress(!output.quiet)
        .histogramLogs(!output.noHistogramLogs).build();
    Console console = new Console(spec.commandLine().getOut(), !output.quiet, 3.0);
    SimulationResult result = Simulation.run(plan, console);
    Summaries.printResult(console, result);
    List<Path> report = ReportLauncher.render(List.of(result.resultsFile()), out.resolve("report"));
    report.forEach(p -> console.line("report: " + p.toAbsolutePath()));
    return result.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
