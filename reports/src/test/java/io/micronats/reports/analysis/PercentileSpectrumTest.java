package io.micronats.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronats.reports.model.LatencyHistogram;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PercentileSpectrumTest {
  @Test
  void anEncodedHistogramGivesADenseCurveEndingAtTheMaximum() {
    Histogram h = new Histogram(3_600_000_000_000L, 3);
    for (int i = 1; i <= 100_000; i++) {
      h.recordValue(i * 100L);
    }
    LatencyHistogram latency = LatencyHistogram.fromNanos(h);
    List<PercentileSpectrum.Point> points = PercentileSpectrum.of(latency);
    assertThat(PercentileSpectrum.isFromHistogram(latency)).isTrue();
    assertThat(points).hasSize(51);
    assertThat(points.get(10).percentile()).isCloseTo(90.0, within(1e-9));
    assertThat(points.get(20).micros()).isCloseTo(latency.p99(), within(latency.p99() * 0.01));
    PercentileSpectrum.Point last = points.get(points.size() - 1);
    assertThat(last.x()).isCloseTo(5.0, within(1e-9));
    assertThat(last.micros()).isEqualTo(latency.max());
    assertThat(points).isSortedAccordingTo((a, b) -> Double.compare(a.micros(), b.micros()));
  }

  @Test
  void aSummaryOnlyGivesItsFivePoints() {
    LatencyHistogram latency = LatencyHistogram.ofMicros(100, 200, 400, 800, 1600, 150, 20_000);
    List<PercentileSpectrum.Point> points = PercentileSpectrum.of(latency);
    assertThat(PercentileSpectrum.isFromHistogram(latency)).isFalse();
    assertThat(points).extracting(PercentileSpectrum.Point::micros).containsExactly(100.0, 200.0, 400.0, 800.0, 1600.0);
    assertThat(points).extracting(PercentileSpectrum.Point::x).containsExactly(Math.log10(2), 1.0, 2.0, 3.0, Math.log10(20_000));
  }
}
