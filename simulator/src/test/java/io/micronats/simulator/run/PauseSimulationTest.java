package io.micronats.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.reports.model.Fault;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.RunResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hung service node (SIGSTOP) in a whole simulation on a local 3-node cluster, once shorter and
 * once longer than the clients' ping budget (1 s pings, 2 outstanding: noticed after 2-3 s).
 */
class PauseSimulationTest {
  @TempDir Path dir;

  private static final String SCENARIO = """
      name: pauses
      layout: {nodes: 3, placement: {clients: [0], services: [1]}}
      fleet: {services: 10, servicesPerConnection: 5}
      phases: {warmup: 1s, measured: 7s, cooldown: 500ms}
      plugin: {ping.interval: 1s}
      workloads:
        discovery: {enabled: false}
        rpc: {rate: 100, maxInFlight: 160, timeout: 3s}
        broker: {publishers: 1, ratePerPublisher: 200, subscribers: 1, queueGroupMembers: 0}
        baseline: {enabled: false}
      faults:
        - {name: short-pause, kind: pause, node: 1, phase: rpc, at: 2s, duration: 800ms}
        - {name: long-pause, kind: pause, node: 1, phase: broker, at: 2s, duration: 5s}
      """;

  @Test
  void aShortPauseOnlyDelaysCallsAndALongOneMovesClientsElsewhere() throws Exception {
    ScenarioRun run = ScenarioRun.of(SCENARIO, dir);
    RunResult r = run.result();

    Phase rpc = r.phase("rpc-open-100").orElseThrow();
    Fault shortPause = r.faultsIn("rpc-open-100").get(0);
    assertThat(shortPause.revertedAfterMillis()).isNotNull().isBetween(700L, 2000L);
    assertThat(shortPause.disconnectedAfterMillis()).as("0.8 s < the 2-3 s ping budget: nobody disconnects")
        .isNull();
    assertThat(shortPause.rpc().failed()).as("calls wait for the node, inside their 3 s timeout").isZero();
    assertThat(shortPause.rpc().calls()).isPositive();
    double worst = rpc.timeSeries().stream().mapToDouble(p -> p.p99Micros()).max().orElseThrow();
    assertThat(worst).as("but they are delayed by about the pause").isGreaterThan(400_000);
    assertThat(shortPause.recoveredAfterMillis()).isNotNull().isGreaterThanOrEqualTo(shortPause.revertedAfterMillis());
    LinkFaultSimulationTest.assertTimelineOrder(shortPause);

    Phase broker = r.phase("broker").orElseThrow();
    Fault longPause = r.faultsIn("broker").get(0);
    assertThat(longPause.disconnectedAfterMillis()).as("only the pings notice a hung server").isNotNull()
        .isBetween(1000L, 4500L);
    assertThat(longPause.reconnectedAfterMillis()).as("reconnected while node 1 was still stopped: elsewhere")
        .isNotNull().isLessThan(longPause.revertedAfterMillis());
    assertThat(longPause.revertedAfterMillis()).isBetween(4900L, 6500L);
    LinkFaultSimulationTest.assertTimelineOrder(longPause);
    assertThat(longPause.broker().lost()).as("messages to the hung subscriber are lost").isPositive();
    assertThat(longPause.broker().duplicated()).isZero();
    assertThat(broker.count("received") + broker.count("lost")).as("received + lost == sent")
        .isEqualTo(broker.count("generator.scheduled"));
    System.out.println(run.console().lines().filter(l -> l.contains("expected")).toList());
  }
}
