package io.micronats.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.reports.model.Fault;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.RunResult;
import io.micronats.reports.model.TimePoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Link faults from a scenario file through the in-JVM link proxies, in a whole simulation on a
 * local 3-node cluster: latency on the callers' client link under RPC load, and a partition
 * between the publishers' and the subscriber's nodes under broker load.
 */
class LinkFaultSimulationTest {
  @TempDir Path dir;

  private static final String SCENARIO = """
      name: link-faults
      layout: {nodes: 3, linkProxies: true, placement: {clients: [0], services: [1]}}
      fleet: {services: 10, servicesPerConnection: 5}
      # recovery needs a 1 s stable span judged against the pre-fault baseline: the partition starts
      # at 3 s (12 baseline buckets, so one calm or busy second does not set the bar) and leaves
      # 9 s after its heal, room for the route to come back and a stable second on a busy machine
      phases: {warmup: 1s, measured: 14s, cooldown: 500ms}
      workloads:
        discovery: {enabled: false}
        rpc: {rate: 200, maxInFlight: 32, timeout: 1s}
        broker: {publishers: 1, ratePerPublisher: 200, subscribers: 1, queueGroupMembers: 0}
        baseline: {enabled: false}
      faults:
        - {name: slow-link, kind: link-latency, node: 0, links: client, latency: 40ms, phase: rpc, at: 2s,
           duration: 2s}
        - {name: split, kind: partition, pair: [0, 1], phase: broker, at: 3s, duration: 2s}
      """;

  /**
   * The marks that happened, in the order the timeline promises: injected <= disconnected <=
   * reconnected <= recovered, and disconnected <= first success <= recovered. ("Reconnected" is
   * when the last disconnected client was back; the first success may come from one back earlier.)
   */
  static void assertTimelineOrder(Fault f) {
    assertOrdered("injected <= disconnected <= reconnected <= recovered", 0L, f.disconnectedAfterMillis(),
        f.reconnectedAfterMillis(), f.recoveredAfterMillis());
    assertOrdered("injected <= disconnected <= first success <= recovered", 0L, f.disconnectedAfterMillis(),
        f.firstSuccessAfterMillis(), f.recoveredAfterMillis());
  }

  private static void assertOrdered(String what, Long... marks) {
    List<Long> present = new ArrayList<>();
    for (Long m : marks) {
      if (m != null) {
        present.add(m);
      }
    }
    assertThat(present).as(what).isSorted();
  }

  @Test
  void latencyRaisesP99OnlyWhileInForceAndAPartitionLosesCrossTrafficUntilHealed() throws Exception {
    ScenarioRun run = ScenarioRun.of(SCENARIO, dir);
    RunResult r = run.result();

    Phase rpc = r.phase("rpc-open-200").orElseThrow();
    Fault slow = r.faultsIn("rpc-open-200").get(0);
    assertThat(slow.kind()).isEqualTo("link-latency");
    assertThat(slow.revertedAfterMillis()).isNotNull().isBetween(1900L, 3000L);
    assertThat(slow.disconnectedAfterMillis()).as("latency closes no connection").isNull();
    assertTimelineOrder(slow);
    long at = slow.injectedAtMillis();
    double before = maxP99(rpc, 0, at);
    double during = minP99(rpc, at + 1000, at + 2000);
    double after = maxP99(rpc, at + 3000, 7000);
    System.out.printf("rpc p99 before %.0f us, during %.0f us, after %.0f us%n", before, during, after);
    assertThat(during).as("40 ms each way on the callers' link").isGreaterThan(before + 60_000);
    assertThat(after).as("back once the link is restored").isLessThan(during / 2);
    assertThat(slow.recoveredAfterMillis()).as("back to baseline after the revert").isNotNull()
        .isGreaterThanOrEqualTo(slow.revertedAfterMillis());
    assertThat(slow.rpc().failed()).as("80 ms extra is well inside the 1 s timeout").isZero();

    Phase broker = r.phase("broker").orElseThrow();
    Fault split = r.faultsIn("broker").get(0);
    assertThat(split.kind()).isEqualTo("partition");
    assertThat(split.disconnectedAfterMillis()).as("clients keep their connections").isNull();
    assertTimelineOrder(split);
    assertThat(split.broker().lost()).as("messages across the cut route are lost").isPositive();
    assertThat(split.broker().sent()).isGreaterThan(split.broker().lost());
    assertThat(split.broker().duplicated()).isZero();
    assertThat(split.recoveredAfterMillis())
        .as("deliveries flow again only after the heal (undecided: %s)", split.recoveredUndecided()).isNotNull()
        .isGreaterThanOrEqualTo(split.revertedAfterMillis());
    // the whole run's accounting: every message published is received or lost, once
    long published = broker.count("generator.scheduled");
    assertThat(broker.count("received") + broker.count("lost")).as("received + lost == sent").isEqualTo(published);
    assertThat(broker.count("duplicated")).isZero();
    assertThat(split.broker().lost()).as("the fault's loss is part of the run's").isLessThanOrEqualTo(broker.count("lost"));
    assertThat(split.broker().sent()).isLessThanOrEqualTo(published);
  }

  private static double maxP99(Phase p, long fromMillis, long toMillis) {
    return points(p, fromMillis, toMillis).stream().mapToDouble(TimePoint::p99Micros).max().orElseThrow();
  }

  private static double minP99(Phase p, long fromMillis, long toMillis) {
    return points(p, fromMillis, toMillis).stream().mapToDouble(TimePoint::p99Micros).min().orElseThrow();
  }

  /** The 1 s points whose interval lies in [from, to] (a point's time is its interval's end). */
  private static List<TimePoint> points(Phase p, long fromMillis, long toMillis) {
    return p.timeSeries().stream().filter(t -> t.tMillis() - 1000 >= fromMillis - 100 && t.tMillis() <= toMillis + 100)
        .toList();
  }
}
