package io.micronats.simulator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.ResultsReader;
import io.micronats.reports.model.RunResult;
import io.micronats.simulator.cli.Main;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.scenario.ScenarioParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code simulate --agents N} and {@code simulate --agent} through the command line. */
class SimulateAgentsCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    return cmd.execute(args);
  }

  private Path scenario() throws Exception {
    Path file = dir.resolve("split.yaml");
    Files.writeString(file, """
        name: split
        fleet: {services: 30}
        phases: {warmup: 0s, measured: 3s, cooldown: 0s}
        workloads: {rpc: {rate: 150, timeout: 1s}}
        """);
    return file;
  }

  @Test
  void agentWithoutARunIdIsAUsageError() throws Exception {
    assertThat(run("simulate", scenario().toString(), "--out", dir.toString(), "--agent", "--urls",
        "nats://127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("--run");
    assertThat(run("simulate", scenario().toString(), "--out", dir.toString(), "--agent", "--agents", "2", "--run",
        "r")).isEqualTo(2);
  }

  @Test
  void coordinatorAndAgentOverAnExistingClusterWriteOneMergedResult() throws Exception {
    try (NatsCluster cluster = NatsCluster.builder().nodes(1).clusterName("split").build()) {
      cluster.start();
      String urls = String.join(",", cluster.clientUrls());
      Scenario s = ScenarioParser.parse(scenario());
      CompletableFuture<AgentReport> agent = CompletableFuture.supplyAsync(() -> {
        try {
          return DistributedSimulation.join(s, List.of(urls), "cli-run", "a1", Duration.ofSeconds(60));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Path outDir = dir.resolve("out");
      int code = run("simulate", scenario().toString(), "--out", outDir.toString(), "--agents", "1", "--run", "cli-run",
          "--urls", urls, "--join-timeout", "60s");

      assertThat(code).as(out + "\n" + err).isZero();
      AgentReport report = agent.get(60, TimeUnit.SECONDS);
      assertThat(report.error()).isEmpty();
      RunResult r = ResultsReader.read(outDir.resolve("results.json"));
      Phase p = r.phase("distributed-rpc").orElseThrow();
      assertThat(p.count("calls")).isEqualTo(report.count("calls")).isBetween(400L, 500L);
      assertThat(p.latency().get("rpc").count()).isEqualTo(report.count("successes"));
      assertThat(r.labels()).containsEntry("agents", "1");
    }
  }
}
