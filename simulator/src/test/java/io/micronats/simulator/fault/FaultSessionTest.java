package io.micronats.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.simulator.scenario.FaultKind;
import io.micronats.simulator.scenario.FaultSchedule;
import io.micronats.simulator.scenario.FaultSpec;
import io.micronats.simulator.scenario.FaultTarget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A session as the run engine uses it: phases, the stats watcher, and reports per phase. */
class FaultSessionTest {

  @Test
  void faultsRunInTheirPhaseAndTheWatcherSeesTheReconnects() throws Exception {
    try (NatsCluster cluster = NatsCluster.builder().nodes(3).clusterName("session").build()) {
      cluster.start();
      FaultSchedule schedule = FaultSchedule.of(
          FaultSpec.of(FaultKind.KILL, new FaultTarget.Node(1), Duration.ofSeconds(1), Duration.ofSeconds(1))
              .withPhase("second").withName("kill-n2"));
      try (FaultSession session = FaultSession.open(schedule, cluster, null, null, 7);
          ProbeLoad load = new ProbeLoad(session.timeline(), cluster.clientUrls().get(0),
              cluster.clientUrls().get(1), Duration.ofSeconds(5), Duration.ofMillis(500), false)) {
        cluster.awaitInterest(ProbeLoad.RPC_SUBJECT, Duration.ofSeconds(20));
        load.start(200, 200);
        session.phaseStarted("first", System.nanoTime());
        Thread.sleep(1500);
        assertThat(session.timeline().faults()).as("nothing is scheduled in the first phase").isZero();
        session.phaseEnded("first", System.nanoTime());
        long secondStart = System.nanoTime();
        session.phaseStarted("second", secondStart);
        Thread.sleep(5000);
        session.phaseEnded("second", System.nanoTime());
        load.stop();
        List<FaultReport> reports = session.reports(System.nanoTime(), load.ledger);

        assertThat(reports).hasSize(1);
        FaultReport r = reports.get(0);
        System.out.println(r.describe());
        assertThat(r.phase()).isEqualTo("second");
        assertThat(r.injectedAtMillis()).as("relative to the phase's start").isBetween(1000L, 1500L);
        assertThat(r.revertedAfterMillis()).isNotNull().isGreaterThanOrEqualTo(1000L);
        assertThat(r.steps()).anyMatch(s -> s.endsWith("routes formed"));
        assertThat(r.disconnects()).as("responder and subscriber").isGreaterThanOrEqualTo(2);
        assertThat(r.reconnectedAfterMillis()).isNotNull().isGreaterThanOrEqualTo(r.disconnectedAfterMillis());
        assertThat(r.resubscribedAfterMillis()).isNotNull();
        DeliveryLedger.Tally t = load.ledger.tallies().get(0);
        assertThat(t.received() + t.lost()).isEqualTo(t.sent());
      }
    }
  }

  @Test
  void aScheduleThatCannotRunHereIsRefusedBeforeAnythingStarts() {
    FaultSchedule schedule = FaultSchedule.of(
        FaultSpec.of(FaultKind.KILL, new FaultTarget.Node(0), Duration.ZERO, Duration.ZERO));
    assertThatThrownBy(() -> FaultSession.open(schedule, null, null, null, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("faults[0].kind: kill needs a local cluster");
  }
}
