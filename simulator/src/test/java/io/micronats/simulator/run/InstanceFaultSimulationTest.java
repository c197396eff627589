package io.micronats.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.reports.model.Fault;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.RunResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill-instances and registry churn inside a whole simulation on a local 3-node cluster, with the
 * discovery workload running: the registry accounting of each fault lands in results.json.
 */
class InstanceFaultSimulationTest {
  @TempDir Path dir;

  private static final String SCENARIO = """
      name: instance-faults
      layout: {nodes: 3}
      fleet: {services: 20, servicesPerConnection: 2}
      registry: {ttl: 3s}
      phases: {warmup: 500ms, measured: 7s, cooldown: 200ms}
      workloads:
        discovery: {rate: 50, strategies: [early-completion, cached], churnProbes: 0}
        rpc: {enabled: false}
        broker: {enabled: false}
        baseline: {enabled: false}
      faults:
        - {name: churn, kind: registry-churn, instances: 1.0, phase: discovery-early-completion-20, at: 1s,
           duration: 2s, rate: 10}
        - {name: crash, kind: kill-instances, instances: 0.1, phase: discovery-cached-20, at: 1s}
      """;

  @Test
  void crashedInstancesStayStaleInTheCacheUntilTheTtlAndChurnIsAccounted() throws Exception {
    ScenarioRun run = ScenarioRun.of(SCENARIO, dir);
    RunResult r = run.result();

    Fault churn = r.faultsIn("discovery-early-completion-20").get(0);
    assertThat(churn.name()).isEqualTo("churn");
    assertThat(churn.steps()).anyMatch(x -> x.matches(".*churn started \\d+, stopped \\d+"));
    int started = Integer.parseInt(churn.steps().stream().filter(x -> x.contains("churn started")).findFirst()
        .orElseThrow().replaceAll(".*churn started (\\d+),.*", "$1"));
    assertThat(started).as("up to 10 starts and stops a second for 2 s (fewer on a busy machine)").isBetween(2, 14);
    assertThat(churn.registry().lookups()).as("churned services are looked up").isPositive();
    // a graceful stop deregisters: queries stop returning the service at once (no stale entry, or a brief one)
    assertThat(churn.registry().maxStaleMillis()).as("a deregistration reaches queries quickly").isLessThan(2000);
    assertThat(churn.registry().stillStale()).isZero();

    Phase cached = r.phase("discovery-cached-20").orElseThrow();
    Fault crash = r.faultsIn("discovery-cached-20").get(0);
    assertThat(crash.steps()).anyMatch(x -> x.endsWith("crashed 2 instances"));
    assertThat(crash.registry().lookups()).isGreaterThan(100);
    assertThat(crash.registry().deadReturned()).as("the cache keeps returning the crashed instances").isPositive();
    assertThat(crash.registry().staleEntries()).as("both crashed instances were returned after the crash")
        .isEqualTo(2);
    assertThat(crash.registry().maxStaleMillis()).as("for a while, until the 3 s TTL ran out")
        .isBetween(1000L, 9000L);
    assertThat(crash.registry().stillStale()).as("then they were gone").isZero();
    assertThat(crash.registry().liveMissing()).as("live instances stay in the cache")
        .isLessThanOrEqualTo(crash.registry().lookups() / 100);
    assertThat(cached.counts().keySet()).as("the fault is held once, structured").noneMatch(k -> k.startsWith("fault."));
    assertThat(run.console()).contains("fault crash", "stale entries");
  }
}
