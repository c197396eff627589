package io.micronats.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.reports.model.Phase;
import io.micronats.reports.model.ResultsReader;
import io.micronats.reports.model.RunResult;
import io.micronats.simulator.console.Console;
import io.micronats.simulator.load.LoadPlan;
import io.micronats.simulator.measure.Outcome;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.scenario.ScenarioParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationTest {
  @TempDir Path dir;

  private static final java.util.Set<String> TOLERATED = java.util.Set.of("timeouts", "notSent");

  private static final String SMALL = """
      fleet: {services: 20, instancesPerService: 2, servicesPerConnection: 10}
      phases: {warmup: 300ms, measured: 1500ms, cooldown: 300ms}
      workloads:
        discovery: {rate: 40, strategies: [early-completion, cached], churnProbes: 2, sweep: [10, 20]}
        rpc: {rate: 200, maxInFlight: 16}
        broker: {publishers: 2, ratePerPublisher: 200, subscribers: 2, queueGroupMembers: 2}
        baseline: {duration: 1s, inFlight: 8}
      """;

  private RunResult simulate(String implementation, StringWriter out) throws Exception {
    Scenario s = ScenarioParser.parse("name: e2e-" + implementation + "\nimplementation: " + implementation + "\n" + SMALL, "x");
    LoadPlan plan = LoadPlan.builder(s).outputDirectory(dir).build();
    SimulationResult result = Simulation.run(plan, new Console(new PrintWriter(out, true), true, 1));
    assertThat(result.resultsFile()).exists();
    assertThat(result.histogramLogs()).isNotEmpty();
    return ResultsReader.read(dir.resolve("results.json"));
  }

  private static Phase phase(RunResult r, String name) {
    return r.phase(name).orElseThrow(() -> new AssertionError("no phase " + name + " in " + r.phases().stream().map(Phase::name).toList()));
  }

  private static void assertWorkloads(RunResult r) {
    assertThat(phase(r, "discovery-early-completion-10").rates().get("completeness")).isEqualTo(1.0);
    assertThat(phase(r, "discovery-cached-20").count("successes")).isGreaterThan(0);
    assertThat(phase(r, "discovery-churn-cached").latency()).containsKeys("registerToVisible", "deregisterToGone");
    Phase rpc = phase(r, "rpc-open-200");
    assertThat(rpc.count("successes")).isGreaterThan(200);
    // every failure cause but the two a loaded machine can cause by itself (slow replies, a starved generator)
    assertThat(Outcome.errorCounters().stream().filter(c -> !TOLERATED.contains(c)).mapToLong(rpc::count).sum())
        .as("failed calls other than %s: %s", TOLERATED, rpc.counts()).isZero();
    assertThat(rpc.latency().get("rpc").encoded()).isPresent();
    assertThat(rpc.labels().get("mode")).startsWith("open");
    Phase broker = phase(r, "broker");
    assertThat(broker.count("lost")).isZero();
    assertThat(broker.count("duplicated")).isZero();
    assertThat(broker.count("received")).isGreaterThan(0);
    assertThat(broker.latency()).containsKey("delivery");
  }

  @Test
  void smallSimulationOnTheInMemoryImplementation() throws Exception {
    StringWriter out = new StringWriter();
    RunResult r = simulate("memory", out);
    assertWorkloads(r);
    assertThat(r.labels()).containsEntry("implementation", "memory");
    assertThat(r.comparisons()).isEmpty();
    assertThat(out.toString()).contains("baseline skipped");
  }

  @Test
  void smallSimulationOnARealLocalCluster() throws Exception {
    StringWriter out = new StringWriter();
    RunResult r = simulate("nats", out);
    assertWorkloads(r);
    assertThat(r.environment().natsServer()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(phase(r, "broker").counts()).containsKey("server.inMsgs");
    assertThat(phase(r, "baseline-rpc-raw").count("successes")).isGreaterThan(0);
    assertThat(phase(r, "baseline-broker-raw").count("successes")).isGreaterThan(0);
    assertThat(r.comparisons()).extracting(c -> c.name()).contains("rpc throughput", "rpc p99", "broker throughput");
    try (Stream<Path> histograms = Files.list(dir.resolve("histograms"))) {
      assertThat(histograms.count()).isGreaterThan(5);
    }
  }
}
