package io.micronats.simulator.cli;

import io.micronats.simulator.console.Console;
import io.micronats.simulator.load.LoadPlan;
import io.micronats.simulator.run.ReportLauncher;
import io.micronats.simulator.run.Simulation;
import io.micronats.simulator.run.SimulationResult;
import io.micronats.simulator.scenario.FaultKind;
import io.micronats.simulator.scenario.FaultSchedule;
import io.micronats.simulator.scenario.FaultSpec;
import io.micronats.simulator.scenario.FaultTarget;
import io.micronats.simulator.scenario.Layout;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.scenario.ScenarioParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}: runs the default scenario (3-node local cluster, 1,000 fake services of 2 instances
 * and 2 versions each, discovery,
 * RPC and broker workloads and the raw baseline), prints a summary and renders a report when the
 * reports module provides one.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Run the default scenario and render a report (about 2-3 minutes).",
        "A 3-node local cluster, 1,000 fake services (2 instances, 2 versions each), discovery, RPC and broker workloads and the raw-jnats baseline;",
        "node 1 is killed 3 s into the RPC phase and restarted 4 s later (--no-fault to skip)."})
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", defaultValue = "target/demo", paramLabel = "DIR",
      description = "Directory for results and the report (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--implementation", paramLabel = "NAME", description = "Run the demo on another plugin (default: nats).")
  @Nullable String implementation;

  @Option(names = "--no-fault", description = "Skip the node kill in the middle of the RPC phase.")
  boolean noFault;

  @Mixin OutputOptions output;

  /**
   * The demo's fault: node 1 (a service node) is killed 3 s into the RPC phase's measured window
   * and restarted 4 s later; the results and the report show the recovery.
   */
  static final FaultSpec DEMO_FAULT = FaultSpec.of(FaultKind.KILL, new FaultTarget.Node(1), Duration.ofSeconds(3),
      Duration.ofSeconds(4)).withPhase("rpc").withName("demo-kill-node-1");

  /** Instances, and versions, of each demo service. */
  static final int DEMO_INSTANCES = 2;
  static final int DEMO_VERSIONS = 2;

  // "try": the interrupt notice is held for the run's scope and is never referenced inside it.
  @SuppressWarnings("try")
  @Override
  public Integer call() throws Exception {
    // The default scenario, on a fleet whose services each run 2 instances (on different
    // connections) serving 2 versions, so that discovery completeness is measured where it can fail.
    Scenario scenario = ScenarioParser.defaults();
    scenario = scenario.withFleet(scenario.fleet().withShape(DEMO_INSTANCES, DEMO_VERSIONS, 1));
    if (implementation != null) {
      scenario = ScenarioOverrides.implementation(scenario, implementation);
    }
    if (!noFault && scenario.needsNats() && scenario.layout().nodes() > 1
        && scenario.layout().backend() == Layout.Backend.LOCAL) {
      scenario = scenario.withFaults(FaultSchedule.of(DEMO_FAULT));
    }
    LoadPlan plan = LoadPlan.builder(scenario).outputDirectory(out).progress(!output.quiet)
        .histogramLogs(!output.noHistogramLogs).build();
    Console console = new Console(spec.commandLine().getOut(), !output.quiet, 3.0);
    SimulationResult result;
    try (InterruptNotice notice = InterruptNotice.register(plan.outputDirectory(), spec.commandLine().getErr())) {
      result = Simulation.run(plan, console);
    }
    Summaries.printResult(console, result);
    List<Path> report = ReportLauncher.render(List.of(result.resultsFile()), out.resolve("report"));
    report.forEach(p -> console.line("report: " + p.toAbsolutePath()));
    return result.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
