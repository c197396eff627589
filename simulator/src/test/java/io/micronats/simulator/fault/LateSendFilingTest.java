package io.micronats.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.simulator.load.GeneratorLag;
import io.micronats.simulator.load.OpenLoopPacer;
import io.micronats.simulator.measure.PhaseMeasurement;
import io.micronats.simulator.measure.PhaseMeter;
import io.micronats.simulator.scenario.FaultKind;
import io.micronats.simulator.scenario.FaultSchedule;
import io.micronats.simulator.scenario.FaultSpec;
import io.micronats.simulator.scenario.FaultTarget;
import io.micronats.spi.NotConnectedException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The run engine's path from the open-model generator to a fault window (pacer, phase meter,
 * {@link FaultPhaseListener}, timeline), with a generator that falls behind: calls meant before a
 * fault but sent after it meet the fault and are filed in its window, by their actual send time.
 */
class LateSendFilingTest {
  private static final long MS = 1_000_000L;

  @Test
  void callsSentLateAfterTheInjectionAreFiledInTheFaultsWindow() throws Exception {
    try (FaultSession session = FaultSession.open(FaultSchedule.NONE, null, null, null, 1)) {
      FaultTimeline timeline = session.timeline();
      long start = System.nanoTime() + 20 * MS;
      long end = start + 1_000 * MS;
      long injectAt = start + 300 * MS;
      PhaseMeter meter = new PhaseMeter("rpc", start, end, null);
      FaultPhaseListener listener = new FaultPhaseListener(session);
      listener.phaseStarted("rpc-open-100", "rpc", start, meter);
      timeline.injected(FaultSpec.of(FaultKind.KILL, new FaultTarget.Node(1), Duration.ZERO, Duration.ZERO)
          .withName("kill-1").withPhase("rpc-open-100"), injectAt, start);
      AtomicLong failedIntendedBefore = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      AtomicLong succeeded = new AtomicLong();
      // 100 calls/s offered to one worker that needs 20 ms each: the generator falls ever further
      // behind; every call really made after the injection fails, as against a killed node
      OpenLoopPacer.run("t", 100, 1, start, end, Duration.ofSeconds(5), (index, intended) -> {
        long now = System.nanoTime();
        sleep(20 * MS);
        if (now >= injectAt) {
          failed.incrementAndGet();
          if (intended < injectAt) {
            failedIntendedBefore.incrementAndGet();
          }
          throw new NotConnectedException("node 1 is dead");
        }
        succeeded.incrementAndGet();
      }, meter);
      long endNanos = System.nanoTime();
      listener.phaseEnded("rpc-open-100", endNanos);
      PhaseMeasurement m = meter.finish(endNanos);

      assertThat(failedIntendedBefore.get()).as("calls meant before the fault but sent after it").isGreaterThan(5);
      FaultReport r = session.reports(endNanos, null).get(0);
      assertThat(m.count("notConnected")).isEqualTo(failed.get());
      // the call's own clock reads a few microseconds after the generator's send time: one call
      // sent just before the injection may fail (it read a later time), and is then the baseline's
      assertThat(r.rpc().failed()).as("the calls that met the fault are in its window")
          .isBetween(failed.get() - 1, failed.get());
      assertThat(r.rpc().failed() + timeline.baselineRpc().failed()).isEqualTo(failed.get());
      assertThat(r.rpc().failedByCause()).containsOnlyKeys(CallResult.NOT_CONNECTED);
      assertThat(r.rpc().calls()).as("no success after the injection").isEqualTo(r.rpc().failed());
      assertThat(timeline.baselineRpc().succeeded()).isEqualTo(succeeded.get());
      // the generator's lateness is visible
      Map<String, String> lag = GeneratorLag.labels(m);
      assertThat(Double.parseDouble(lag.get(GeneratorLag.P50_LABEL))).isGreaterThan(50);
      assertThat(Double.parseDouble(lag.get(GeneratorLag.P99_LABEL)))
          .isGreaterThanOrEqualTo(Double.parseDouble(lag.get(GeneratorLag.P50_LABEL)));
      assertThat(GeneratorLag.warning("rpc-open-100", lag)).contains("rpc-open-100", "sent late");
    }
  }

  private static void sleep(long nanos) {
    long deadline = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }
}
