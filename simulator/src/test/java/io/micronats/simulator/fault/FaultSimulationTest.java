package io.micronats.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.reports.model.Fault;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.RunResult;
import io.micronats.simulator.run.ScenarioRun;
import io.micronats.simulator.scenario.FaultSpec;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.scenario.ScenarioException;
import io.micronats.simulator.scenario.ScenarioParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults in scenario files and in a real simulation run. */
class FaultSimulationTest {
  @TempDir Path dir;

  private static final String SMALL = """
      name: faulty
      fleet: {services: 20, servicesPerConnection: 5}
      phases: {warmup: 500ms, measured: 8s, cooldown: 500ms}
      workloads:
        discovery: {enabled: false}
        rpc: {rate: 200, maxInFlight: 32, timeout: 1s}
        broker: {publishers: 1, ratePerPublisher: 300, subscribers: 1, queueGroupMembers: 2}
        baseline: {enabled: false}
      faults:
        - {name: kill-under-rpc, kind: kill, node: 1, phase: rpc, at: 3s, duration: 3s}
        - {name: kill-under-broker, kind: kill, node: 1, phase: broker, at: 3s, duration: 3s}
      """;

  @Test
  void scenarioFaultsAreParsedAndCheckedAgainstTheLayout() {
    Scenario s = ScenarioParser.parse(SMALL, "x");
    assertThat(s.faults().faults()).extracting(FaultSpec::name).containsExactly("kill-under-rpc", "kill-under-broker");
    assertThat(s.raw()).containsKey("faults");
    assertThatThrownBy(() -> ScenarioParser.parse("faults: [{kind: kill, node: 5, at: 1s}]", "x"))
        .isInstanceOf(ScenarioException.class).hasMessageStartingWith("faults[0].target: node 5 does not exist");
    assertThatThrownBy(() -> ScenarioParser.parse("faults: [{kind: link-cut, node: 0, at: 1s, duration: 1s}]", "x"))
        .hasMessageStartingWith("faults[0].kind: link-cut needs link proxies");
    assertThatThrownBy(() -> ScenarioParser.parse("faults: [{kind: kill, node: 0, at: 1s, when: now}]", "x"))
        .hasMessageStartingWith("faults[0].when: unknown field");
    assertThatThrownBy(() -> ScenarioParser.parse("layout: {backend: external, urls: [nats://h:4222], linkProxies: true}", "x"))
        .hasMessageStartingWith("layout.linkProxies: needs backend local");
    assertThat(ScenarioParser.parse("layout: {linkProxies: true}\nfaults: [{kind: partition, pair: [0, 1], at: 1s, duration: 1s}]",
        "x").layout().linkProxies()).isTrue();
  }

  @Test
  void aKilledNodeShowsInTheResultsWithItsTimelineAndLoss() throws Exception {
    ScenarioRun run = ScenarioRun.of(SMALL, dir);
    RunResult r = run.result();

    assertThat(r.labels()).containsEntry("faults", "2");
    assertThat(r.phases()).as("faults are held once, structured: no flat fault keys in the phases")
        .allSatisfy(p -> assertThat(p.labels().keySet()).noneMatch(k -> k.startsWith("fault.")))
        .allSatisfy(p -> assertThat(p.counts().keySet()).noneMatch(k -> k.startsWith("fault.")));
    assertThat(r.faults()).extracting(Fault::name).containsExactlyInAnyOrder("kill-under-rpc", "kill-under-broker");
    Fault rpcFault = r.faultsIn("rpc-open-200").get(0);
    assertThat(rpcFault.name()).isEqualTo("kill-under-rpc");
    assertThat(rpcFault.kind()).isEqualTo("kill");
    assertThat(rpcFault.injectedAtMillis()).isBetween(2900L, 4000L);
    assertThat(rpcFault.disconnectedAfterMillis()).isNotNull();
    assertThat(rpcFault.revertedAfterMillis()).isNotNull();
    assertThat(rpcFault.reconnectedAfterMillis()).isNotNull().isGreaterThanOrEqualTo(rpcFault.disconnectedAfterMillis());
    assertThat(rpcFault.rpc().calls()).isPositive();
    assertThat(rpcFault.rpc().failed()).isLessThanOrEqualTo(rpcFault.rpc().calls());
    assertThat(rpcFault.steps()).anyMatch(x -> x.contains("killed ")).noneMatch(x -> x.contains("failed"));

    Phase broker = r.phase("broker").orElseThrow();
    Fault brokerFault = r.faultsIn("broker").get(0);
    assertThat(brokerFault.name()).isEqualTo("kill-under-broker");
    assertThat(brokerFault.broker().sent()).isPositive();
    // the ledger and the workload's own sequence accounting agree: the fault's loss is part of the phase's
    assertThat(brokerFault.broker().lost()).isLessThanOrEqualTo(broker.count("lost"));
    assertThat(brokerFault.broker().duplicated()).isEqualTo(0);
    assertThat(run.console()).contains("fault kill-under-rpc", "fault kill-under-broker", "expected");
  }
}
