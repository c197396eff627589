package io.micronats.simulator.fault;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * "Back to baseline" from coarse sampling intervals, for series fed only through
 * {@link FaultTimeline#interval} (no per-operation observations): the first of
 * {@code holdIntervals} consecutive intervals after the disruption whose error rate is within
 * {@code errorRateTolerance} of the baseline's and whose p99 is within {@code p99Tolerance} of its
 * mean (or below its highest). Each interval is {start, end, successes, errors, p99}.
 *
 * <p>Immutable and thread-safe.
 */
final class IntervalRecovery {
  private final double errorRateTolerance;
  private final double p99Tolerance;
  private final int holdIntervals;

  IntervalRecovery(double errorRateTolerance, double p99Tolerance, int holdIntervals) {
    this.errorRateTolerance = errorRateTolerance;
    this.p99Tolerance = p99Tolerance;
    this.holdIntervals = holdIntervals;
  }

  /** The end of the first interval that starts a run of good ones after the disruption began. */
  @Nullable Long recovered(Map<String, List<double[]>> intervals, Map<String, List<double[]>> baseline,
      long injected, long from) {
    // clients may recover while the fault is still in force (a killed node stays down, traffic
    // moves to the others): recovery is measured from the disruption, not from the revert
    Long latest = null;
    for (Map.Entry<String, List<double[]>> e : intervals.entrySet()) {
      double[] base = baselineOf(baseline.get(e.getKey()), injected);
      List<double[]> points = e.getValue();
      Long found = null;
      int run = 0;
      for (int i = 0; i < points.size(); i++) {
        double[] p = points.get(i);
        if (p[0] < from) {
          continue;
        }
        if (good(p, base)) {
          run++;
          if (run == holdIntervals) {
            found = (long) points.get(i - holdIntervals + 1)[1];
            break;
          }
        } else {
          run = 0;
        }
      }
      if (found == null) {
        return null;
      }
      latest = latest == null ? found : Math.max(latest, found);
    }
    return latest;
  }

  private boolean good(double[] p, double[] base) {
    double total = p[2] + p[3];
    if (p[2] <= 0) {
      return false;
    }
    double errorRate = p[3] / total;
    if (errorRate > base[0] + errorRateTolerance) {
      return false;
    }
    return base[1] <= 0 || p[4] <= Math.max(base[1] * (1 + p99Tolerance), base[2]);
  }

  /**
   * {error rate, mean p99, highest p99} of the baseline intervals of a series that ended before
   * {@code beforeNanos} (outside every fault window); zeros when none. The highest p99 keeps a
   * noisy machine's ordinary spikes from counting as "not recovered".
   */
  private static double[] baselineOf(@Nullable List<double[]> points, long beforeNanos) {
    if (points == null || points.isEmpty()) {
      return new double[] {0, 0, 0};
    }
    double ok = 0;
    double maxP99 = 0;
    double errors = 0;
    double p99 = 0;
    int withLatency = 0;
    for (double[] p : points) {
      if (p[1] > beforeNanos) {
        continue;
      }
      ok += p[2];
      errors += p[3];
      if (p[4] > 0) {
        p99 += p[4];
        withLatency++;
        maxP99 = Math.max(maxP99, p[4]);
      }
    }
    return new double[] {ok + errors == 0 ? 0 : errors / (ok + errors), withLatency == 0 ? 0 : p99 / withLatency,
        maxP99};
  }

}
