package io.micronats.simulator.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.ResultsReader;
import io.micronats.reports.model.RunResult;
import io.micronats.simulator.console.Console;
import io.micronats.simulator.measure.Outcome;
import io.micronats.simulator.run.DistributedSimulation;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.scenario.ScenarioParser;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A coordinator in this JVM and two agents in two more JVMs, over a real local 3-node cluster:
 * each agent hosts half the fleet through the plugin stack and runs half of the RPC and broker
 * load; the merged results have the phases of a single-machine run.
 */
class TwoAgentsTest {
  private final List<Process> processes = new ArrayList<>();
  private final StringWriter console = new StringWriter();
  private NatsCluster cluster;

  @TempDir
  Path dir;

  @AfterEach
  void tearDown() {
    for (Process p : processes) {
      p.destroyForcibly();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private Process agentJvm(String run, String name, List<String> urls) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), AgentMain.class.getName(), "--run", run, "--name", name,
        "--urls", String.join(",", urls), "--join-timeout", "60");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    processes.add(p);
    return p;
  }

  private String log(String name) throws Exception {
    File f = dir.resolve(name + ".log").toFile();
    return f.exists() ? Files.readString(f.toPath(), StandardCharsets.UTF_8) : "";
  }

  private Console console() {
    return new Console(new PrintWriter(console, true), true, 2.0);
  }

  @Test
  void twoAgentsInSeparateJvmsRunTheirShareOfFleetAndLoadAndTheResultsMerge() throws Exception {
    cluster = NatsCluster.builder().nodes(3).clusterName("agents").build();
    cluster.start();
    String run = "it-" + ProcessHandle.current().pid();
    Scenario s = ScenarioParser.parse("""
        name: split
        fleet: {services: 40, servicesPerConnection: 10}
        phases: {warmup: 500ms, measured: 2s, cooldown: 0s}
        workloads:
          discovery: {enabled: false}
          rpc: {rate: 200, timeout: 1s}
          broker: {publishers: 2, ratePerPublisher: 200, subscribers: 2, queueGroupMembers: 2}
          baseline: {enabled: false}
        """, "split");
    Process a1 = agentJvm(run, "a1", cluster.clientUrls());
    Process a2 = agentJvm(run, "a2", cluster.clientUrls());

    DistributedSimulation.Outcome outcome;
    try {
      outcome = DistributedSimulation.coordinate(s, cluster.clientUrls(), run, 2, dir.resolve("out"),
          Duration.ofSeconds(60), Duration.ofSeconds(10), console());
    } catch (Exception e) {
      throw new AssertionError("coordinator failed: " + e + "\n" + console + "\n--- a1\n" + log("a1") + "\n--- a2\n"
          + log("a2"), e);
    }
    assertThat(a1.waitFor(30, TimeUnit.SECONDS)).as("agent a1 exits: %s", log("a1")).isTrue();
    assertThat(a2.waitFor(30, TimeUnit.SECONDS)).as("agent a2 exits: %s", log("a2")).isTrue();
    assertThat(a1.exitValue()).as(log("a1")).isZero();
    assertThat(a2.exitValue()).as(log("a2")).isZero();

    List<AgentReport> reports = outcome.reports();
    assertThat(reports).extracting(AgentReport::agent).containsExactlyInAnyOrder("a1", "a2");
    assertThat(reports).extracting(r -> r.count("hostedServices")).containsExactly(20L, 20L);
    AgentReport r1 = reports.get(0);
    AgentReport r2 = reports.get(1);

    // the file has the phases of a single-machine run, with labels on agents and shares
    RunResult result = ResultsReader.read(outcome.file());
    assertThat(result.phases()).extracting(Phase::name).containsExactly("rpc-open-200", "broker");
    assertThat(result.labels()).containsEntry("agents", "2").containsKeys("agent.0", "agent.1");
    assertThat(result.labels().get("agent.0")).contains(r1.agent()).contains("services 0..20 of 40");
    assertThat(result.labels().get("agent.1")).contains(r2.agent()).contains("services 20..40 of 40");

    // RPC: both agents called, counts add up, histograms merged
    Phase rpc = result.phase("rpc-open-200").orElseThrow();
    long ok = rpc.count("successes");
    assertThat(ok).as("about 200/s for 2 s").isBetween(330L, 440L);
    long perAgentOk = 0;
    long perAgentCount = 0;
    for (AgentReport r : reports) {
      PhaseReport p = r.phase("rpc-open-100").orElseThrow();
      assertThat(p.count("successes")).as("agent %s's successes", r.agent()).isGreaterThan(130L);
      perAgentOk += p.count("successes");
      perAgentCount += HistogramCodec.decode(p.histograms().get("rpc")).getTotalCount();
    }
    assertThat(perAgentOk).isEqualTo(ok);
    assertThat(rpc.latency().get("rpc").count()).isEqualTo(ok).isEqualTo(perAgentCount);
    long failed = Outcome.errorCounters().stream().mapToLong(rpc::count).sum();
    assertThat(failed).isLessThan(ok / 20);
    assertThat(rpc.labels()).containsEntry("agents", "2").containsEntry("services", "40");

    // calls crossed agents: each agent's callers reached the other's services, which served them
    assertThat(r1.count("remoteCalls")).as("agent 0's calls to agent 1's services").isGreaterThan(60L);
    assertThat(r2.count("remoteCalls")).as("agent 1's calls to agent 0's services").isGreaterThan(60L);
    assertThat(r1.count("served")).as("agent 0 served its own and agent 1's calls")
        .isGreaterThanOrEqualTo(r1.count("localCalls") + r2.count("remoteCalls"));
    assertThat(r2.count("served")).isGreaterThanOrEqualTo(r2.count("localCalls") + r1.count("remoteCalls"));

    // broker: one publisher and one subscriber per agent, one group member per agent; every
    // message accounted by publisher id and sequence across agents, none lost
    Phase broker = result.phase("broker").orElseThrow();
    long published = broker.count("published");
    assertThat(published).as("2 publishers x 200/s x 2.5 s").isBetween(900L, 1100L);
    assertThat(broker.count("lost")).isZero();
    assertThat(broker.count("duplicated")).isZero();
    assertThat(broker.count("sub0.lost")).isZero();
    assertThat(broker.count("sub1.lost")).isZero();
    assertThat(broker.count("group.lost")).isZero();
    assertThat(broker.count("received")).as("two subscribers and the group each got every message")
        .isEqualTo(3 * published);
    assertThat(broker.count("crossAgentReceived")).as("messages received in another agent than their publisher's")
        .isGreaterThanOrEqualTo(published);
    Histogram delivery = outcome.phases().stream().filter(p -> p.name().equals("broker")).findFirst().orElseThrow()
        .measurement().histograms().get("delivery");
    assertThat(delivery.getTotalCount()).isPositive();
    assertThat(delivery.getValueAtPercentile(50)).as("cross-JVM delivery latency is sane (ns)")
        .isBetween(1L, 1_000_000_000L);
  }

  @Test
  void anAgentThatDiesAfterItsAssignmentIsNamedWithinTheSilenceBudgetAndTheOthersStop() throws Exception {
    cluster = NatsCluster.builder().nodes(1).clusterName("dies").build();
    cluster.start();
    String run = "dies-" + ProcessHandle.current().pid();
    Scenario s = ScenarioParser.parse("""
        fleet: {services: 10}
        phases: {warmup: 0s, measured: 60s, cooldown: 0s}
        workloads:
          discovery: {enabled: false}
          rpc: {rate: 50, timeout: 1s}
          broker: {enabled: false}
          baseline: {enabled: false}
        """, "dies");
    Process doomed = agentJvm(run, "doomed", cluster.clientUrls());
    CompletableFuture<AgentReport> survivor = CompletableFuture.supplyAsync(() -> {
      try {
        return Agent.join(null, cluster.clientUrls(), run, "survivor", Duration.ofSeconds(60),
            Console.quiet(new PrintWriter(new StringWriter())));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    CompletableFuture<DistributedSimulation.Outcome> coordinator = CompletableFuture.supplyAsync(() -> {
      try {
        return DistributedSimulation.coordinate(s, cluster.clientUrls(), run, 2, dir.resolve("out"),
            Duration.ofSeconds(60), Duration.ofSeconds(3), console());
      } catch (Exception e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!log("doomed").contains("hosting services") && System.nanoTime() < deadline && !coordinator.isDone()) {
      Thread.sleep(20);
    }
    assertThat(log("doomed")).as("the doomed agent got its share").contains("hosting services 5..10");
    doomed.destroyForcibly();
    long killed = System.nanoTime();

    assertThatThrownBy(() -> coordinator.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasMessageContaining("doomed").hasMessageContaining("went silent");
    assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("noticed within the silence budget and slack")
        .isLessThan(Duration.ofSeconds(10));
    AgentReport other = survivor.get(15, TimeUnit.SECONDS);
    assertThat(other.error()).as("the survivor stopped on the coordinator's abort").contains("stopped")
        .contains("doomed");
    assertThat(Files.exists(dir.resolve("out").resolve("results.json"))).isFalse();
  }

  @Test
  void aMissingAgentIsNamedWhenTheJoinTimeoutPasses() throws Exception {
    cluster = NatsCluster.builder().nodes(1).clusterName("missing").build();
    cluster.start();
    Scenario s = ScenarioParser.parse("fleet: {services: 4}\n", "missing");
    long begin = System.nanoTime();
    assertThatThrownBy(() -> DistributedSimulation.coordinate(s, cluster.clientUrls(), "missing-run", 2,
        dir.resolve("out"), Duration.ofSeconds(2), Duration.ofSeconds(3), console()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("only 0 of 2 agents joined run missing-run");
    assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void brokerAccountingFindsLossDuplicatesAndCrossAgentReceptions() {
    java.util.BitSet seen0 = new java.util.BitSet();
    seen0.set(0, 5);
    java.util.BitSet seen1 = new java.util.BitSet();
    seen1.set(4, 10);
    String b0 = java.util.Base64.getEncoder().encodeToString(seen0.toByteArray());
    String b1 = java.util.Base64.getEncoder().encodeToString(seen1.toByteArray());
    // agent 0 publishes pub 0 (0..9), agent 1 publishes pub 1 (0..9); sub 0 on agent 0, sub 1 on agent 1
    BrokerTally t0 = new BrokerTally(java.util.Map.of(0, 9L),
        List.of(new BrokerTally.Plain(0, 0, 10, 0, 0), new BrokerTally.Plain(0, 1, 9, 0, 1)),
        List.of(new BrokerTally.Group(0, b0, 5, 0, 0)), 0);
    BrokerTally t1 = new BrokerTally(java.util.Map.of(1, 9L),
        List.of(new BrokerTally.Plain(1, 0, 11, 1, 0), new BrokerTally.Plain(1, 1, 10, 0, 0)),
        List.of(new BrokerTally.Group(0, b1, 6, 0, 0)), 0);
    var counts = BrokerAccounting.account(new java.util.TreeMap<>(java.util.Map.of(0, t0, 1, t1)));
    assertThat(counts).containsEntry("published", 20L).containsEntry("sub0.lost", 1L).containsEntry("sub1.lost", 0L)
        .containsEntry("sub1.duplicated", 1L).containsEntry("sub0.reordered", 1L)
        .containsEntry("group.duplicated", 1L).containsEntry("group.lost", 10L)
        .containsEntry("lost", 11L).containsEntry("crossAgentReceived", 9L + 11 + 6);
  }

  @Test
  void histogramsSurviveTheCodecAndBadTextIsNamed() {
    Histogram h = new Histogram(3);
    for (int i = 1; i <= 1000; i++) {
      h.recordValue(i * 1000L);
    }
    Histogram back = HistogramCodec.decode(HistogramCodec.encode(h));
    assertThat(back.getTotalCount()).isEqualTo(1000);
    assertThat(back.getValueAtPercentile(99)).isEqualTo(h.getValueAtPercentile(99));
    assertThatThrownBy(() -> HistogramCodec.decode("not-base64!")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an encoded HdrHistogram");
  }

  @Test
  void sharesCoverEveryServiceOnceAndTheScenarioTravels() {
    int covered = 0;
    for (int part = 0; part < 3; part++) {
      assertThat(Shares.from(10, 3, part)).isEqualTo(covered);
      covered = Shares.to(10, 3, part);
    }
    assertThat(covered).isEqualTo(10);
    assertThatThrownBy(() -> Shares.from(10, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    Scenario demo = ScenarioParser.defaults();
    Scenario back = ScenarioCodec.read(ScenarioCodec.write(demo));
    assertThat(back.fleet()).isEqualTo(demo.fleet());
    assertThat(back.workloads()).isEqualTo(demo.workloads());
    assertThat(back.layout()).isEqualTo(demo.layout());
    assertThat(back.registry()).isEqualTo(demo.registry());
  }

  @Test
  void agentMainNamesBadArguments() {
    assertThat(AgentMain.run(new String[] {"--run"})).isEqualTo(2);
    assertThat(AgentMain.run(new String[] {"--bogus", "x"})).isEqualTo(2);
    assertThat(AgentMain.run(new String[] {"--name", "a", "--run", "r"})).isEqualTo(2);
  }
}
