package io.micronats.simulator.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PhaseMeterTest {

  @Test
  void onlyOperationsIntendedInTheWindowAreMeasured() {
    PhaseMeter meter = new PhaseMeter("op", 1_000, 2_000, null);
    meter.complete(999, 5, Outcome.SUCCESS);
    meter.complete(1_000, 7, Outcome.SUCCESS);
    meter.complete(1_999, 9, Outcome.TIMEOUT);
    meter.complete(2_000, 11, Outcome.SUCCESS);
    PhaseMeasurement m = meter.finish(3_000);
    assertThat(m.count("successes")).isEqualTo(1);
    assertThat(m.count("timeouts")).isEqualTo(1);
    assertThat(m.latency().getTotalCount()).isEqualTo(1);
    assertThat(m.latency().getMaxValue()).isEqualTo(7);
  }

  @Test
  void valuesAboveTheMaximumAreClampedAndCounted() {
    LatencyRecorder r = new LatencyRecorder("x", 1_000_000);
    r.record(5_000_000);
    r.record(-3);
    r.record(10);
    Histogram h = r.intervalHistogram(null);
    assertThat(r.clamped()).isEqualTo(1);
    assertThat(h.getTotalCount()).isEqualTo(3);
    assertThat(h.getMaxValue()).isBetween(999_000L, 1_001_000L);
    assertThat(h.getMinValue()).isZero();
  }

  @Test
  void intervalHistogramsAddUpToTheTotalsAndMakeATimeSeries() {
    long start = System.nanoTime();
    PhaseMeter meter = new PhaseMeter("op", start, start + 10_000_000_000L, null);
    for (int i = 0; i < 10; i++) {
      meter.complete(start + i, 1_000, Outcome.SUCCESS);
    }
    meter.sample(start + 1_000_000_000L);
    for (int i = 0; i < 5; i++) {
      meter.complete(start + 1_000_000_000L + i, 2_000, Outcome.SUCCESS);
    }
    meter.complete(start + 1_000_000_500L, 1, Outcome.NO_RESPONDERS);
    PhaseMeasurement m = meter.finish(start + 2_000_000_000L);
    assertThat(m.latency().getTotalCount()).isEqualTo(15);
    assertThat(m.series()).hasSize(2);
    assertThat(m.series().get(0).rate()).isEqualTo(10.0);
    assertThat(m.series().get(1).rate()).isEqualTo(5.0);
    assertThat(m.series().get(1).errors()).isEqualTo(1);
  }
}
