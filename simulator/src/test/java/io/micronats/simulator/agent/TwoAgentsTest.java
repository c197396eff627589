package io.micronats.simulator.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.spi.plugin.PluginConfig;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A coordinator in this JVM and two agents in two more JVMs, over a real 2-node cluster. */
class TwoAgentsTest {
  private final List<Process> processes = new ArrayList<>();
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

  private Process agentJvm(String run, String name, String addresses) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        AgentMain.class.getName(), "--run", run, "--name", name, "--addresses", addresses,
        "--join-timeout", "60");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    processes.add(p);
    return p;
  }

  private String log(String name) throws Exception {
    File f = dir.resolve(name + ".log").toFile();
    return f.exists() ? Files.readString(f.toPath(), StandardCharsets.UTF_8) : "";
  }

  @Test
  void twoAgentsInSeparateJvmsShareFleetAndLoadAndTheirHistogramsMerge() throws Exception {
    cluster = NatsCluster.builder().nodes(2).clusterName("agents").build();
    cluster.start();
    String run = "it-" + ProcessHandle.current().pid();
    PluginConfig config = cluster.clientConfig();
    Process a1 = agentJvm(run, "a1", cluster.clientUrls().get(0));
    Process a2 = agentJvm(run, "a2", cluster.clientUrls().get(1));

    MergedResult merged;
    try (Coordinator coordinator = new Coordinator(config, run)) {
      coordinator.open();
      List<JoinRequest> agents = coordinator.awaitAgents(2, Duration.ofSeconds(60));
      List<Assignment> shares = coordinator.assign(agents, new RunPlan(40, 200, Duration.ofSeconds(3),
          Duration.ofSeconds(2), Map.of("timeoutMillis", "1000")));
      assertThat(shares).extracting(Assignment::servicesFrom).containsExactly(0, 20);
      assertThat(shares).extracting(Assignment::servicesTo).containsExactly(20, 40);
      assertThat(shares).extracting(Assignment::ratePerSecond).containsExactly(100.0, 100.0);
      merged = coordinator.collect(Duration.ofSeconds(60));
      assertThat(coordinator.badMessages()).isZero();
    }
    assertThat(a1.waitFor(30, TimeUnit.SECONDS)).as("agent a1 exits: %s", log("a1")).isTrue();
    assertThat(a2.waitFor(30, TimeUnit.SECONDS)).as("agent a2 exits: %s", log("a2")).isTrue();
    assertThat(a1.exitValue()).as(log("a1")).isZero();
    assertThat(a2.exitValue()).as(log("a2")).isZero();

    assertThat(merged.reports()).extracting(AgentReport::agent).containsExactlyInAnyOrder("a1", "a2");
    long calls = merged.count("calls");
    assertThat(calls).as("about 200/s for 3 s").isBetween(500L, 700L);
    for (AgentReport r : merged.reports()) {
      assertThat(r.count("calls")).isBetween(250L, 350L);
      assertThat(r.count("served")).as("each agent hosts half the fleet and serves both agents' calls")
          .isPositive();
    }
    long ok = merged.count("successes");
    assertThat(ok + merged.count("timeouts") + merged.count("noResponders") + merged.count("errors"))
        .isEqualTo(calls);
    assertThat(ok).isGreaterThan(calls * 9 / 10);
    assertThat(merged.count("served")).isGreaterThanOrEqualTo(ok);
    Histogram h = merged.histogram("rpc");
    assertThat(h.getTotalCount()).as("merged histogram holds every agent's successes").isEqualTo(ok);
    long perAgent = 0;
    for (AgentReport r : merged.reports()) {
      perAgent += HistogramCodec.decode(r.histograms().get("rpc")).getTotalCount();
    }
    assertThat(perAgent).isEqualTo(ok);
    io.micronats.reports.model.Phase phase = DistributedRun.toPhase("distributed-rpc",
        new RunPlan(40, 200, Duration.ofSeconds(3), Duration.ofSeconds(2), Map.of()), merged);
    assertThat(phase.latency().get("rpc").count()).isEqualTo(ok);
    assertThat(phase.counts().get("calls")).isEqualTo(calls);
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
  void sharesCoverEveryServiceOnce() {
    int covered = 0;
    for (int part = 0; part < 3; part++) {
      assertThat(Shares.from(10, 3, part)).isEqualTo(covered);
      covered = Shares.to(10, 3, part);
    }
    assertThat(covered).isEqualTo(10);
    assertThatThrownBy(() -> Shares.from(10, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void agentMainNamesBadArguments() {
    assertThat(AgentMain.run(new String[] {"--run"})).isEqualTo(2);
    assertThat(AgentMain.run(new String[] {"--bogus", "x"})).isEqualTo(2);
    assertThat(AgentMain.run(new String[] {"--name", "a"})).isEqualTo(2);
  }
}
