package io.micronats.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.nats.cluster.proxy.PartitionMode;
import io.micronats.simulator.scenario.FaultKind;
import io.micronats.simulator.scenario.FaultSchedule;
import io.micronats.simulator.scenario.FaultSpec;
import io.micronats.simulator.scenario.FaultTarget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Faults on a real local 3-node cluster under RPC and broker load, with assertions on the order
 * of each timeline and on the accounting.
 */
class FaultInjectorClusterTest {
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private NatsCluster cluster;
  private ProbeLoad load;
  private FaultInjector injector;

  @AfterEach
  void tearDown() throws Exception {
    if (injector != null) {
      injector.close();
    }
    if (load != null) {
      load.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** Runs {@code schedule} with the service side on node 2 and the client side on node 1. */
  private List<FaultReport> run(boolean proxies, Duration ping, Duration total, FaultSpec... faults)
      throws Exception {
    cluster = NatsCluster.builder().nodes(3).clusterName("faults").linkProxies(proxies).build();
    cluster.start();
    long origin = System.nanoTime();
    FaultTimeline timeline = new FaultTimeline(origin);
    load = new ProbeLoad(timeline, cluster.clientUrls().get(0), cluster.clientUrls().get(1), ping, TIMEOUT);
    cluster.awaitInterest(ProbeLoad.RPC_SUBJECT, Duration.ofSeconds(20));
    cluster.awaitInterest(ProbeLoad.EVENTS_SUBJECT, Duration.ofSeconds(20));
    injector = new FaultInjector(FaultSchedule.of(faults), cluster, null, null, timeline, 42);
    load.start(200, 500);
    injector.start(origin);
    Thread.sleep(total.toMillis());
    load.stop();
    long end = System.nanoTime();
    injector.close();
    List<FaultReport> reports = timeline.reports(end, load.ledger, null);
    reports.forEach(r -> System.out.println(r.describe()));
    assertAccounting(timeline, reports);
    return reports;
  }

  /** Every message is received or lost, once; every call is counted in exactly one window. */
  private void assertAccounting(FaultTimeline timeline, List<FaultReport> reports) {
    List<DeliveryLedger.Tally> tallies = load.ledger.tallies();
    assertThat(tallies).hasSize(1);
    DeliveryLedger.Tally t = tallies.get(0);
    assertThat(t.received() + t.lost()).as("received + lost == sent").isEqualTo(t.sent());
    assertThat(t.sent()).isEqualTo(load.published.get());
    assertThat(load.ledger.strangers()).isZero();
    long lostInWindows = reports.stream().mapToLong(r -> r.broker().lost()).sum();
    // the report gives the injection in whole milliseconds: the baseline ends within that millisecond
    long injectedFloor = timeline.originNanos() + reports.get(0).injectedAtMillis() * 1_000_000;
    long lostBefore = load.ledger.between(Long.MIN_VALUE, injectedFloor).lost();
    long lostBeforeCeiling = load.ledger.between(Long.MIN_VALUE, injectedFloor + 1_000_000).lost();
    // windows and the baseline partition time: the loss adds up exactly
    assertThat(lostBefore + lostInWindows).isLessThanOrEqualTo(t.lost());
    assertThat(t.lost() - lostBeforeCeiling - lostInWindows).as("loss outside every window").isLessThanOrEqualTo(0);
    long callsCounted = timeline.baselineRpc().calls() + reports.stream().mapToLong(r -> r.rpc().calls()).sum();
    assertThat(callsCounted).as("every call in exactly one window").isEqualTo(load.calls.get());
    long failedCounted = timeline.baselineRpc().failed() + reports.stream().mapToLong(r -> r.rpc().failed()).sum();
    assertThat(failedCounted).isEqualTo(load.failed.get());
    for (FaultReport r : reports) {
      assertThat(r.rpc().succeeded() + r.rpc().failed()).isEqualTo(r.rpc().calls());
      assertThat(r.rpc().timedOut() + r.rpc().noResponders()).isLessThanOrEqualTo(r.rpc().failed());
    }
  }

  private static void assertOrdered(Long... marks) {
    for (int i = 1; i < marks.length; i++) {
      assertThat(marks[i]).as("mark %d after mark %d", i, i - 1).isGreaterThanOrEqualTo(marks[i - 1]);
    }
  }

  @Test
  void killedServiceNodeRecoversInOrder() throws Exception {
    List<FaultReport> reports = run(false, Duration.ofSeconds(5), Duration.ofSeconds(7),
        FaultSpec.of(FaultKind.KILL, new FaultTarget.Node(1), Duration.ofSeconds(2), Duration.ZERO));

    FaultReport r = reports.get(0);
    assertThat(r.kind()).isEqualTo("kill");
    assertThat(r.steps()).anyMatch(s -> s.contains("killed faults-n2"));
    assertThat(r.disconnectedAfterMillis()).as("loopback RST: detected at once").isNotNull().isLessThan(1000L);
    assertThat(r.disconnects()).isGreaterThanOrEqualTo(2);
    assertThat(r.reconnectedAfterMillis()).isNotNull();
    assertThat(r.resubscribedAfterMillis()).isNotNull();
    assertThat(r.firstSuccessAfterMillis()).isNotNull();
    assertThat(r.recoveredAfterMillis()).isNotNull();
    assertOrdered(0L, r.disconnectedAfterMillis(), r.reconnectedAfterMillis(), r.resubscribedAfterMillis(),
        r.recoveredAfterMillis());
    // listeners run on jnats' event thread, a little after the fact: the first error may come first
    long disruption = Math.min(r.disconnectedAfterMillis(), r.firstErrorAfterMillis());
    assertOrdered(disruption, r.firstSuccessAfterMillis(), r.recoveredAfterMillis());
    assertThat(r.rpc().failed()).as("a few calls in flight are lost, not hundreds").isLessThan(100);
  }

  @Test
  void pauseShorterThanThePingBudgetDisconnectsNobody() throws Exception {
    List<FaultReport> reports = run(false, Duration.ofSeconds(2), Duration.ofSeconds(6),
        FaultSpec.of(FaultKind.PAUSE, new FaultTarget.Node(1), Duration.ofSeconds(2), Duration.ofSeconds(1)));

    FaultReport r = reports.get(0);
    assertThat(r.revertedAfterMillis()).isNotNull().isBetween(900L, 3000L);
    assertThat(r.disconnectedAfterMillis()).as("1 s pause < 2 x 2 s pings").isNull();
    assertThat(r.broker().lost()).as("peers buffered the pause").isZero();
    assertThat(r.firstErrorAfterMillis()).as("calls into the paused node time out").isNotNull();
    assertThat(r.recoveredAfterMillis()).isNotNull().isGreaterThanOrEqualTo(r.firstErrorAfterMillis());
  }

  @Test
  void pauseLongerThanThePingBudgetIsDetectedByPings() throws Exception {
    List<FaultReport> reports = run(false, Duration.ofMillis(500), Duration.ofSeconds(10),
        FaultSpec.of(FaultKind.PAUSE, new FaultTarget.Node(1), Duration.ofSeconds(2), Duration.ofSeconds(5)));

    FaultReport r = reports.get(0);
    assertThat(r.disconnectedAfterMillis()).as("no RST: only pings notice").isNotNull()
        .isBetween(500L, 5000L);
    assertThat(r.resubscribedAfterMillis()).isNotNull();
    assertOrdered(0L, r.disconnectedAfterMillis(), r.reconnectedAfterMillis(), r.resubscribedAfterMillis());
    assertThat(r.rpc().failed()).as("requests into the hung node fail").isPositive();
    assertThat(r.recoveredAfterMillis()).isNotNull().isGreaterThanOrEqualTo(r.resubscribedAfterMillis());
  }

  @Test
  void rollingRestartWaitsForRoutesBeforeTheNextNode() throws Exception {
    List<FaultReport> reports = run(false, Duration.ofSeconds(2), Duration.ofSeconds(12),
        FaultSpec.of(FaultKind.ROLLING_RESTART, new FaultTarget.Nodes(1.0), Duration.ofSeconds(2), Duration.ZERO));

    FaultReport r = reports.get(0);
    List<String> steps = r.steps().stream().map(s -> s.substring(s.indexOf(' ') + 1)).toList();
    assertThat(steps).containsSubsequence("restarted faults-n1", "routes formed after faults-n1",
        "restarted faults-n2", "routes formed after faults-n2", "restarted faults-n3",
        "routes formed after faults-n3");
    assertThat(r.disconnects()).as("every client was moved at least once").isGreaterThanOrEqualTo(4);
    assertThat(r.reconnectedAfterMillis()).isNotNull();
    assertThat(r.recoveredAfterMillis()).isNotNull();
  }

  @Test
  void silentClientLinkIsNoticedOnlyByPingsUnlikeACut() throws Exception {
    List<FaultReport> reports = run(true, Duration.ofMillis(500), Duration.ofSeconds(12),
        FaultSpec.of(FaultKind.LINK_SILENCE, new FaultTarget.Node(1), Duration.ofSeconds(2), Duration.ofSeconds(3))
            .withName("silence"),
        // the service side has moved off node 2 by now: cut the client side's links instead
        FaultSpec.of(FaultKind.LINK_CUT, new FaultTarget.Node(0), Duration.ofSeconds(7), Duration.ofSeconds(2))
            .withName("cut"));

    FaultReport silence = reports.get(0);
    FaultReport cut = reports.get(1);
    assertThat(silence.disconnectedAfterMillis()).isNotNull().isGreaterThanOrEqualTo(500L);
    assertThat(cut.disconnectedAfterMillis()).isNotNull().isLessThan(silence.disconnectedAfterMillis());
    assertOrdered(0L, silence.disconnectedAfterMillis(), silence.reconnectedAfterMillis());
    assertOrdered(0L, cut.disconnectedAfterMillis(), cut.reconnectedAfterMillis(), cut.resubscribedAfterMillis());
  }

  @Test
  void partitionBetweenClientAndServiceNodesLosesCrossTrafficUntilHealed() throws Exception {
    List<FaultReport> reports = run(true, Duration.ofSeconds(5), Duration.ofSeconds(8),
        new FaultSpec.Partition("partition", new FaultTarget.Pair(0, 1), Duration.ofSeconds(2),
            Duration.ofSeconds(2), PartitionMode.CUT, ""));

    FaultReport r = reports.get(0);
    assertThat(r.disconnectedAfterMillis()).as("clients keep their connections").isNull();
    assertThat(r.broker().lost()).as("messages across the cut route are lost").isPositive();
    assertThat(r.rpc().failed()).isPositive();
    assertThat(r.revertedAfterMillis()).isNotNull();
    assertThat(r.recoveredAfterMillis()).as("cross traffic resumes only after the heal").isNotNull()
        .isGreaterThanOrEqualTo(r.revertedAfterMillis());
  }
}
