package io.micronats.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.nats.connection.ConnectionStats;
import io.micronats.simulator.scenario.FaultKind;
import io.micronats.simulator.scenario.FaultSpec;
import io.micronats.simulator.scenario.FaultTarget;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Counter increases become timeline events, matched first in, first out. */
class StatsWatcherTest {
  private static ConnectionStats.Snapshot snap(long disconnects, long reconnects, long resubscribes) {
    return new ConnectionStats.Snapshot(1, disconnects, reconnects, resubscribes, 0, 0, 0, 0, 0);
  }

  @Test
  void reconnectedWhenEveryDisconnectionIsMatched() {
    long origin = 0;
    FaultTimeline timeline = new FaultTimeline(origin);
    AtomicReference<ConnectionStats.Snapshot> counters = new AtomicReference<>(snap(0, 0, 0));
    StatsWatcher w = new StatsWatcher(timeline, counters::get);
    w.start();
    w.close(); // the test polls by hand from here
    long ms = 1_000_000;
    timeline.injected(FaultSpec.of(FaultKind.KILL, new FaultTarget.Node(0), Duration.ZERO, Duration.ZERO), 100 * ms);
    counters.set(snap(2, 0, 0));
    w.poll(110 * ms);
    counters.set(snap(2, 1, 1));
    w.poll(120 * ms);
    List<FaultReport> mid = timeline.reports(125 * ms, null, null);
    assertThat(mid.get(0).disconnectedAfterMillis()).isEqualTo(10);
    assertThat(mid.get(0).reconnectedAfterMillis()).as("one of two still away").isNull();
    counters.set(snap(2, 2, 2));
    w.poll(150 * ms);

    FaultReport r = timeline.reports(200 * ms, null, null).get(0);
    assertThat(r.disconnects()).isEqualTo(2);
    assertThat(r.reconnects()).isEqualTo(2);
    assertThat(r.reconnectedAfterMillis()).isEqualTo(50);
    assertThat(r.resubscribedAfterMillis()).isEqualTo(50);
  }
}
