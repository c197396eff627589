package io.micronats.simulator.cli;

import io.micronats.reports.analysis.Headline;
import io.micronats.reports.model.RunResult;
import io.micronats.simulator.console.Console;
import java.util.ArrayList;
import java.util.List;
import io.micronats.simulator.load.LoadPlan;
import io.micronats.simulator.run.SimulationResult;
import io.micronats.simulator.scenario.Scenario;

/**
 * Prints plans and results for the commands. Stateless.
 */
final class Summaries {
  private Summaries() {}

  /** The headline block of {@code result}, as the reports print it, under a title line. */
  static List<String> headline(RunResult result) {
    List<String> lines = new ArrayList<>();
    lines.add("== " + result.scenario().name() + ": headline ==");
    Headline.single(result).forEach(l -> lines.add("  " + l));
    return lines;
  }

  static void printPlan(Console console, LoadPlan plan) {
    Scenario s = plan.scenario();
    console.line("scenario " + s.name() + " is valid");
    console.line("  implementation: " + s.implementation());
    console.line("  layout: " + s.layout().nodes() + " node(s), backend " + s.layout().backend() + ", clients on "
        + s.layout().clientNodes() + ", services on " + s.layout().serviceNodes());
    console.line("  fleet: " + s.fleet().services() + " services x " + s.fleet().instancesPerService() + " instance(s), "
        + s.fleet().endpointsPerService() + " endpoints, " + s.fleet().connections() + " connections");
    console.line("  discovery: " + (s.workloads().discovery().enabled() ? s.workloads().discovery().rate() + "/s, "
        + s.workloads().discovery().strategies() + ", sweep " + s.workloads().discovery().sweep() : "off"));
    console.line("  rpc: " + (s.workloads().rpc().enabled() ? s.workloads().rpc().mode() + " " + s.workloads().rpc().rate()
        + "/s, sweep " + s.workloads().rpc().sweep() : "off"));
    console.line("  broker: " + (s.workloads().broker().enabled() ? s.workloads().broker().publishers() + " x "
        + s.workloads().broker().ratePerPublisher() + "/s" : "off"));
    console.line("  baseline: " + (s.workloads().baseline().enabled() ? "on" : "off"));
    console.line("  output: " + plan.outputDirectory());
  }

  /**
   * Prints the result: first the same headline block the HTML and Markdown reports open with, then
   * the simulator's own summary lines.
   */
  static void printResult(Console console, SimulationResult result) {
    console.line("");
    headline(result.result()).forEach(console::line);
    console.line("");
    result.summary().forEach(console::line);
    result.failures().forEach((name, why) -> console.line("FAILED workload " + name + ": " + why));
    console.line("results: " + result.resultsFile());
    if (!result.histogramLogs().isEmpty()) {
      console.line("histogram logs: " + result.histogramLogs().size() + " files in "
          + result.histogramLogs().get(0).getParent());
    }
  }
}
