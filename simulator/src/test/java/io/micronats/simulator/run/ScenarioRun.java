package io.micronats.simulator.run;

import io.micronats.reports.model.ResultsReader;
import io.micronats.reports.model.RunResult;
import io.micronats.simulator.console.Console;
import io.micronats.simulator.load.LoadPlan;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.scenario.ScenarioParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * A whole simulation of a scenario given as YAML text, for tests: run into {@code dir} without
 * histogram logs, its console output printed (and kept), its {@code results.json} read back.
 *
 * @param result what the run wrote
 * @param console what it showed on the terminal
 */
public record ScenarioRun(RunResult result, String console) {

  /** Runs {@code yaml} with its output in {@code dir}. */
  public static ScenarioRun of(String yaml, Path dir) throws Exception {
    Scenario s = ScenarioParser.parse(yaml, "x");
    StringWriter out = new StringWriter();
    Simulation.run(LoadPlan.builder(s).outputDirectory(dir).histogramLogs(false).build(),
        new Console(new PrintWriter(out, true), false, 1));
    System.out.println(out);
    return new ScenarioRun(ResultsReader.read(dir.resolve("results.json")), out.toString());
  }
}
