package io.micronats.simulator.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.simulator.measure.PhaseMeasurement;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class RpcKneeTest {
  private static final long SECOND = 1_000_000_000L;

  private static PhaseRecord phase(double rate, long successes, long timeouts, long p99Micros) {
    Histogram h = new Histogram(1, 60 * SECOND, 3);
    for (int i = 0; i < 100; i++) {
      h.recordValue(p99Micros * 1000);
    }
    PhaseMeasurement m = new PhaseMeasurement("rpc", SECOND, Map.of("rpc", h),
        Map.of("successes", successes, "timeouts", timeouts), List.of());
    return new PhaseRecord("rpc-open-" + rate, "rpc", false, rate, 64, m, Map.of(), Map.of(), Map.of());
  }

  @Test
  void kneeIsTheHighestRateStillServedBeforeLatencyOrErrorsBend() {
    List<PhaseRecord> sweep = List.of(phase(4000, 3000, 500, 90_000), phase(1000, 1000, 0, 1_000),
        phase(2000, 2000, 0, 2_000), phase(3000, 2990, 0, 8_000));
    assertThat(RpcWorkload.knee(sweep)).isEqualTo(3000);
  }

  @Test
  void latencyTenTimesTheLowestRatesEndsTheSweep() {
    List<PhaseRecord> sweep = List.of(phase(1000, 1000, 0, 1_000), phase(2000, 2000, 0, 20_000),
        phase(3000, 3000, 0, 2_000));
    assertThat(RpcWorkload.knee(sweep)).isEqualTo(1000);
  }

  @Test
  void noRateServedMeansNoKnee() {
    assertThat(RpcWorkload.knee(List.of(phase(1000, 500, 0, 1_000)))).isZero();
  }
}
