package io.micronats.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.simulator.scenario.FaultKind;
import io.micronats.simulator.scenario.FaultSpec;
import io.micronats.simulator.scenario.FaultTarget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Back to baseline" from 250 ms buckets: decided in fault windows too short for three 1-second
 * intervals, despite a noisy baseline, and, when it cannot be decided, with the reason.
 */
class RecoveryTest {
  private static final long S = 1_000_000_000L;
  private static final long MS = 1_000_000L;
  private static final long T0 = 1_000_000 * S;

  /**
   * 200 operations a second intended in [from, to): latency 1 ms, every 8th 4 ms, and in every fourth
   * 250 ms bucket every 8th 12 ms (a noisy machine's spikes); or errors.
   */
  private static void load(FaultTimeline t, long from, long to, boolean ok, long extraLatency) {
    long i = 0;
    for (long intended = from; intended < to; intended += 5 * MS, i++) {
      boolean spiky = ((intended - T0) / (250 * MS)) % 4 == 3;
      long latency = (i % 8 == 0 ? (spiky ? 12 : 4) : 1) * MS + extraLatency;
      t.completed("rpc", intended, intended + latency, ok);
    }
  }

  private static FaultSpec fault(String name, long atMillis) {
    return FaultSpec.of(FaultKind.KILL, new FaultTarget.Node(0), Duration.ofMillis(atMillis), Duration.ZERO)
        .withName(name);
  }

  @Test
  void aTwoSecondWindowIsEnoughAndTheNoisyBaselineDoesNotHideTheRecovery() {
    FaultTimeline t = new FaultTimeline(T0);
    t.seriesStarts("rpc", T0);
    load(t, T0, T0 + 3 * S, true, 0);
    t.injected(fault("short", 3000), T0 + 3 * S);
    load(t, T0 + 3 * S, T0 + 3 * S + 500 * MS, false, 0); // half a second of errors
    load(t, T0 + 3 * S + 500 * MS, T0 + 5 * S, true, 0);
    t.injected(fault("next", 5000), T0 + 5 * S); // the next fault ends the first one's window after 2 s
    load(t, T0 + 5 * S, T0 + 8 * S, false, 0); // and never recovers
    List<FaultReport> reports = t.reports(T0 + 8 * S, null, null);
    reports.forEach(r -> System.out.println(r.describe()));

    FaultReport first = reports.get(0);
    assertThat(first.windowMillis()).isEqualTo(2000);
    assertThat(first.firstErrorAfterMillis()).as("the first failed call ends 4 ms after it was sent").isEqualTo(4L);
    assertThat(first.recoveredAfterMillis()).as("the end of the first bucket of a good second").isEqualTo(750L);
    assertThat(first.recoveredUndecided()).isNull();
    FaultReport second = reports.get(1);
    assertThat(second.recoveredAfterMillis()).isNull();
    assertThat(second.recoveredUndecided()).startsWith("not back to baseline within the 2996 ms window")
        .contains("error rate 100.0% (baseline 0.0%)", "p99 - (no success)");
    assertThat(FaultResults.of(second).recoveredUndecided()).isEqualTo(second.recoveredUndecided());
    assertThat(FaultResults.of(second).recoveredAfterMillis()).isNull();
    assertThat(FaultResults.of(first).recoveredUndecided()).as("no reason beside a decided mark").isNull();
  }

  @Test
  void aWindowEndingBeforeAStableSecondIsUndecidedWithItsReason() {
    FaultTimeline t = new FaultTimeline(T0);
    t.seriesStarts("rpc", T0);
    load(t, T0, T0 + 2 * S, true, 0);
    t.injected(fault("latency", 2000), T0 + 2 * S);
    load(t, T0 + 2 * S, T0 + 2 * S + 500 * MS, true, 50 * MS); // slow for half a second
    load(t, T0 + 2 * S + 500 * MS, T0 + 3 * S, true, 0); // fine again, but the phase ends
    t.closeWindow(T0 + 3 * S);
    FaultReport r = t.reports(T0 + 3 * S, null, null).get(0);
    System.out.println(r.describe());
    assertThat(r.recoveredAfterMillis()).isNull();
    assertThat(r.recoveredUndecided()).startsWith("window too short: 500 ms left").contains("good since +500 ms");
    assertThat(FaultResults.of(r).recoveredUndecided()).isEqualTo(r.recoveredUndecided());
  }

  @Test
  void latencyAloneIsADisruptionThatEndsWhenP99IsBack() {
    FaultTimeline t = new FaultTimeline(T0);
    t.seriesStarts("rpc", T0 + S); // the first second is warm-up, slow, and not part of the baseline
    load(t, T0, T0 + S, true, 30 * MS);
    load(t, T0 + S, T0 + 3 * S, true, 0);
    t.injected(fault("latency", 3000), T0 + 3 * S);
    load(t, T0 + 3 * S, T0 + 5 * S, true, 20 * MS);
    load(t, T0 + 5 * S, T0 + 8 * S, true, 0);
    FaultReport r = t.reports(T0 + 8 * S, null, null).get(0);
    assertThat(r.recoveredAfterMillis()).as("the first bucket after the latency ended").isEqualTo(2250L);
  }
}
