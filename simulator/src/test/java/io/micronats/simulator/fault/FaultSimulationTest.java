package io.micronats.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.reports.model.Phase;
import io.micronats.reports.model.RunResult;
import io.micronats.simulator.run.ScenarioRun;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.scenario.ScenarioException;
import io.micronats.simulator.scenario.ScenarioParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.micronats.simulator.scenario.FaultSpec;

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
    Phase rpc = r.phase("rpc-open-200").orElseThrow();
    assertThat(rpc.labels()).containsEntry("fault.0.name", "kill-under-rpc").containsEntry("fault.0.kind", "kill");
    long injected = Long.parseLong(rpc.labels().get("fault.0.injectedAtMillis"));
    assertThat(injected).isBetween(2900L, 4000L);
    assertThat(rpc.labels()).containsKeys("fault.0.disconnectedAfterMillis", "fault.0.reconnectedAfterMillis",
        "fault.0.revertedAfterMillis");
    assertThat(Long.parseLong(rpc.labels().get("fault.0.reconnectedAfterMillis")))
        .isGreaterThanOrEqualTo(Long.parseLong(rpc.labels().get("fault.0.disconnectedAfterMillis")));
    assertThat(rpc.count("fault.0.rpc.calls")).isPositive();
    assertThat(rpc.count("fault.0.rpc.failed")).isLessThanOrEqualTo(rpc.count("fault.0.rpc.calls"));
    assertThat(rpc.labels().get("fault.0.steps")).contains("killed ").doesNotContain("failed");

    Phase broker = r.phase("broker").orElseThrow();
    assertThat(broker.labels()).containsEntry("fault.0.name", "kill-under-broker");
    assertThat(broker.count("fault.0.broker.sent")).isPositive();
    // the ledger and the workload's own sequence accounting agree: the fault's loss is part of the phase's
    assertThat(broker.count("fault.0.broker.lost")).isLessThanOrEqualTo(broker.count("lost"));
    assertThat(broker.count("fault.0.broker.duplicated")).isEqualTo(0);
    assertThat(run.console()).contains("fault kill-under-rpc", "fault kill-under-broker", "expected");

    // the structured copy in results.json agrees with the labels and counts
    assertThat(r.faults()).extracting(io.micronats.reports.model.Fault::name)
        .containsExactlyInAnyOrder("kill-under-rpc", "kill-under-broker");
    io.micronats.reports.model.Fault rpcFault = r.faultsIn("rpc-open-200").get(0);
    assertThat(rpcFault.kind()).isEqualTo("kill");
    assertThat(rpcFault.injectedAtMillis()).isEqualTo(injected);
    assertThat(rpcFault.reconnectedAfterMillis())
        .isEqualTo(Long.parseLong(rpc.labels().get("fault.0.reconnectedAfterMillis")));
    assertThat(rpcFault.rpc().calls()).isEqualTo(rpc.count("fault.0.rpc.calls"));
    assertThat(rpcFault.steps()).anyMatch(x -> x.contains("killed "));
    io.micronats.reports.model.Fault brokerFault = r.faultsIn("broker").get(0);
    assertThat(brokerFault.broker().sent()).isEqualTo(broker.count("fault.0.broker.sent"));
    assertThat(brokerFault.broker().lost()).isEqualTo(broker.count("fault.0.broker.lost"));
  }
}
