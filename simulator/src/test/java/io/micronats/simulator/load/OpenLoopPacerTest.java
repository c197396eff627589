package io.micronats.simulator.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.simulator.measure.PhaseMeasurement;
import io.micronats.simulator.measure.PhaseMeter;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class OpenLoopPacerTest {
  private static final long MS = 1_000_000L;

  @Test
  void keepsItsRateAndSpacesIntendedTimesByThePeriod() throws InterruptedException {
    long start = System.nanoTime() + 20 * MS;
    long end = start + 2_000 * MS;
    PhaseMeter meter = new PhaseMeter("op", start, end, null);
    ConcurrentLinkedQueue<long[]> seen = new ConcurrentLinkedQueue<>();
    PacerStats stats = OpenLoopPacer.run("t", 200, 8, start, end, Duration.ofSeconds(2),
        (index, intended) -> seen.add(new long[] {index, intended}), meter);
    PhaseMeasurement m = meter.finish(System.nanoTime());
    assertThat(stats.scheduled()).isEqualTo(400);
    assertThat(stats.started()).isEqualTo(400);
    assertThat(m.count("successes")).isEqualTo(400);
    assertThat(m.throughput()).isCloseTo(200.0, org.assertj.core.data.Offset.offset(1.0));
    for (long[] s : seen) {
      assertThat(s[1]).isEqualTo(start + s[0] * 5 * MS);
    }
  }

  @Test
  void slowHandlerShowsQueueingInLatencyFromTheIntendedTime() throws InterruptedException {
    // 100 requests/s offered, one worker, 20 ms per request: capacity 50/s, so requests queue up.
    long start = System.nanoTime() + 20 * MS;
    long end = start + 1_000 * MS;
    PhaseMeter meter = new PhaseMeter("op", start, end, null);
    PacerStats stats = OpenLoopPacer.run("t", 100, 1, start, end, Duration.ofSeconds(5),
        (index, intended) -> sleep(20 * MS), meter);
    Histogram h = meter.finish(System.nanoTime()).latency();
    assertThat(stats.scheduled()).isEqualTo(100);
    assertThat(stats.started()).isEqualTo(100);
    assertThat(h.getTotalCount()).isEqualTo(100);
    // A service-time measurement would say ~20 ms for everyone; the last requests waited ~1 s.
    assertThat(h.getValueAtPercentile(50)).isGreaterThan(300 * MS);
    assertThat(h.getMaxValue()).isGreaterThan(800 * MS);
    assertThat(stats.lateStarts()).isGreaterThan(80);
  }

  @Test
  void theMeterHearsEachCallsActualSendTimeAndTheLagIsRecorded() throws InterruptedException {
    // one worker, 20 ms per call, 100 calls/s offered: the generator falls behind
    long start = System.nanoTime() + 20 * MS;
    long end = start + 500 * MS;
    PhaseMeter meter = new PhaseMeter("op", start, end, null);
    java.util.Map<Long, Long> startedAt = new java.util.concurrent.ConcurrentHashMap<>();
    ConcurrentLinkedQueue<long[]> heard = new ConcurrentLinkedQueue<>();
    meter.observe((intended, sent, done, outcome) -> heard.add(new long[] {intended, sent, done}));
    OpenLoopPacer.run("t", 100, 1, start, end, Duration.ofSeconds(5), (index, intended) -> {
      startedAt.put(intended, System.nanoTime());
      sleep(20 * MS);
    }, meter);
    PhaseMeasurement m = meter.finish(System.nanoTime());
    assertThat(heard).hasSize(50);
    for (long[] h : heard) {
      long callStart = startedAt.get(h[0]);
      assertThat(h[1]).as("sent between intended and the call's start").isBetween(h[0], callStart);
      assertThat(callStart - h[1]).isLessThan(50 * MS);
      assertThat(h[2]).isGreaterThanOrEqualTo(callStart + 20 * MS);
    }
    // the last calls were sent about 500 ms late: sendLag and the generator's lag labels say so
    assertThat(m.histograms().get(OpenLoopPacer.SEND_LAG).getMaxValue()).isGreaterThan(300 * MS);
    assertThat(Double.parseDouble(GeneratorLag.labels(m).get(GeneratorLag.P50_LABEL))).isGreaterThan(100);
    // latency still counts from the intended time
    assertThat(m.latency().getMaxValue()).isGreaterThan(300 * MS);
  }

  @Test
  void aPunctualGeneratorEarnsNoWarning() {
    assertThat(GeneratorLag.warning("p", java.util.Map.of(GeneratorLag.P50_LABEL, "0.2"))).isNull();
    assertThat(GeneratorLag.warning("p", java.util.Map.of())).isNull();
    assertThat(GeneratorLag.warning("p", java.util.Map.of(GeneratorLag.P50_LABEL, "312.5",
        GeneratorLag.P99_LABEL, "900.0"))).contains("p:", "lag p50 312.5 ms, p99 900.0 ms");
  }

  @Test
  void oneStallDelaysTheRequestsBehindItAndTheyAreAllRecorded() throws InterruptedException {
    long start = System.nanoTime() + 20 * MS;
    long end = start + 1_000 * MS;
    PhaseMeter meter = new PhaseMeter("op", start, end, null);
    OpenLoopPacer.run("t", 100, 1, start, end, Duration.ofSeconds(5),
        (index, intended) -> sleep(index == 20 ? 300 * MS : 0), meter);
    Histogram h = meter.finish(System.nanoTime()).latency();
    assertThat(h.getTotalCount()).isEqualTo(100);
    // the stalled request and about 30 behind it: coordinated omission would record just one
    long over100ms = h.getCountBetweenValues(100 * MS, h.getMaxValue());
    assertThat(over100ms).isGreaterThanOrEqualTo(15);
  }

  @Test
  void requestsThatNeverGetAWorkerAreCountedAsNotSent() throws InterruptedException {
    long start = System.nanoTime() + 20 * MS;
    long end = start + 200 * MS;
    PhaseMeter meter = new PhaseMeter("op", start, end, null);
    PacerStats stats = OpenLoopPacer.run("t", 100, 1, start, end, Duration.ofMillis(100),
        (index, intended) -> sleep(500 * MS), meter);
    PhaseMeasurement m = meter.finish(System.nanoTime());
    assertThat(stats.notSent()).isGreaterThan(0);
    assertThat(m.count("notSent")).isEqualTo(stats.notSent());
  }

  @Test
  void failuresAreClassifiedAndCounted() throws InterruptedException {
    long start = System.nanoTime() + 20 * MS;
    long end = start + 300 * MS;
    PhaseMeter meter = new PhaseMeter("op", start, end, null);
    OpenLoopPacer.run("t", 100, 4, start, end, Duration.ofSeconds(1), (index, intended) -> {
      if (index % 3 == 1) {
        throw new io.micronats.spi.OperationTimeoutException("slow", Duration.ofMillis(1));
      }
      if (index % 3 == 2) {
        throw new io.micronats.spi.NoRespondersException("nobody");
      }
    }, meter);
    PhaseMeasurement m = meter.finish(System.nanoTime());
    assertThat(m.count("successes")).isEqualTo(10);
    assertThat(m.count("timeouts")).isEqualTo(10);
    assertThat(m.count("noResponders")).isEqualTo(10);
  }

  @Test
  void closedLoopRecordsFromTheActualStart() throws InterruptedException {
    long end = System.nanoTime() + 300 * MS;
    PhaseMeter meter = new PhaseMeter("op", System.nanoTime(), end, null);
    ClosedLoopDriver.run("t", 2, end, Duration.ofSeconds(1), (index, intended) -> sleep(10 * MS), meter);
    Histogram h = meter.finish(System.nanoTime()).latency();
    assertThat(h.getTotalCount()).isBetween(15L, 62L);
    assertThat(h.getValueAtPercentile(99)).isLessThan(200 * MS);
  }

  private static void sleep(long nanos) {
    long deadline = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }
}
