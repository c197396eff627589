package io.micronats.simulator.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.ResultsReader;
import io.micronats.reports.model.RunResult;
import io.micronats.simulator.cli.Main;
import io.micronats.simulator.console.Console;
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

  private Path scenario(String text) throws Exception {
    Path file = dir.resolve("split.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void agentOptionsAreCheckedBeforeAnythingStarts() throws Exception {
    Path file = scenario("name: split\n");
    assertThat(run("simulate", file.toString(), "--out", dir.toString(), "--agent", "--urls",
        "nats://127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("--run");
    assertThat(run("simulate", file.toString(), "--out", dir.toString(), "--agent", "--agents", "2", "--run",
        "r")).isEqualTo(2);
    assertThat(run("simulate", "--agents", "2", "--run", "r")).as("a coordinator needs a scenario").isEqualTo(2);
    Path faults = scenario("faults: [{kind: kill, node: 0, at: 1s}]\n");
    err.getBuffer().setLength(0);
    assertThat(run("simulate", faults.toString(), "--out", dir.toString(), "--agents", "2", "--run", "r",
        "--urls", "nats://127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("faults are not supported in distributed runs");
  }

  @Test
  void coordinatorAndAgentOverAnExistingClusterWriteOneMergedResult() throws Exception {
    Path file = scenario("""
        name: split
        fleet: {services: 30}
        phases: {warmup: 0s, measured: 2s, cooldown: 0s}
        workloads:
          discovery: {rate: 40, strategies: [early-completion], churnProbes: 2}
          rpc: {rate: 150, timeout: 1s}
          broker: {enabled: false}
          baseline: {enabled: false}
        """);
    try (NatsCluster cluster = NatsCluster.builder().nodes(1).clusterName("split").build()) {
      cluster.start();
      List<String> urls = cluster.clientUrls();
      CompletableFuture<AgentReport> agent = CompletableFuture.supplyAsync(() -> {
        try {
          return Agent.join(null, urls, "cli-run", "a1", Duration.ofSeconds(60),
              Console.quiet(new PrintWriter(new StringWriter())));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Path outDir = dir.resolve("out");
      int code = run("simulate", file.toString(), "--out", outDir.toString(), "--agents", "1", "--run", "cli-run",
          "--urls", String.join(",", urls), "--join-timeout", "60s");

      if (code != 0) {
        String agentSide;
        try {
          agentSide = String.valueOf(agent.get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
          agentSide = e.toString();
        }
        throw new AssertionError("exit " + code + "\n" + out + "\n" + err + "\nagent: " + agentSide);
      }
      AgentReport report = agent.get(60, TimeUnit.SECONDS);
      assertThat(report.error()).isEmpty();
      assertThat(report.count("hostedServices")).isEqualTo(30);
      RunResult r = ResultsReader.read(outDir.resolve("results.json"));
      assertThat(r.phases()).extracting(Phase::name)
          .containsExactly("discovery-early-completion-30", "discovery-churn-early-completion", "rpc-open-150");
      Phase lookups = r.phase("discovery-early-completion-30").orElseThrow();
      assertThat(lookups.count("complete") + lookups.count("incomplete")).as("40 lookups/s for 2 s").isBetween(60L, 90L);
      assertThat(lookups.rates().get("completeness")).isPositive();
      Phase p = r.phase("rpc-open-150").orElseThrow();
      assertThat(p.count("successes")).isBetween(270L, 310L);
      assertThat(p.latency().get("rpc").count()).isEqualTo(p.count("successes"));
      assertThat(r.labels()).containsEntry("agents", "1").containsEntry("agent.0.remoteCalls", "0");
      assertThat(out.toString()).contains("rpc-open-150").contains("results: ");
    }
  }
}
