package io.micronats.simulator.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Decides when a series is "back to baseline" after a fault, from fine buckets
 * ({@link FineSeries}): the first bucket of a stable span (at least {@code spanNanos}, 1 s by
 * default) after the disruption in which
 * <ul>
 *   <li>the span's error rate is within {@code errorRateTolerance} (absolute) of the baseline's,
 *       and no bucket has more than one error above that;</li>
 *   <li>every bucket's p99 is within {@code p99Tolerance} (relative) of the baseline buckets'
 *       mean p99, or within 1 ms of it, or below the 90th percentile of the baseline buckets'
 *       p99 (a noisy machine's ordinary spikes do not count as "not recovered");</li>
 *   <li>when the baseline had at least 4 operations per bucket, no bucket has fewer than 80% of
 *       them (or 3 standard deviations fewer, whichever is lower): an outage where nothing, or
 *       only half, completes (lost messages, calls never sent) is not a recovery.</li>
 * </ul>
 * When no such span exists the decision says why: the window (to the next fault or the end of the
 * phase) was too short, nothing completed, or the series was still off its baseline, with the
 * figures.
 *
 * <p>Immutable and thread-safe.
 */
final class RecoveryRule {
  private static final double EXPECTED_FOR_EMPTY = 4;
  private static final double P99_SLACK_NANOS = 1_000_000;

  private final double errorRateTolerance;
  private final double p99Tolerance;
  private final long spanNanos;

  /**
   * A decision: when the series was back to baseline, or why that could not be said.
   *
   * @param recoveredAtNanos the end of the first bucket of the stable span, null when undecided
   * @param undecided why there is no answer, null when there is one
   */
  record Decision(@Nullable Long recoveredAtNanos, @Nullable String undecided) {
    static Decision at(long nanos) {
      return new Decision(nanos, null);
    }

    static Decision undecided(String why) {
      return new Decision(null, why);
    }
  }

  RecoveryRule(double errorRateTolerance, double p99Tolerance, long spanNanos) {
    if (errorRateTolerance < 0 || p99Tolerance < 0 || spanNanos < FineSeries.BUCKET_NANOS) {
      throw new IllegalArgumentException("tolerances must be >= 0 and the span at least one bucket");
    }
    this.errorRateTolerance = errorRateTolerance;
    this.p99Tolerance = p99Tolerance;
    this.spanNanos = spanNanos;
  }

  /** The baseline's figures. */
  private record Base(boolean present, double errorRate, double meanP99, double p90P99, double perBucket,
      double p99Tolerance) {
    double p99Limit() {
      if (meanP99 <= 0) {
        return Double.MAX_VALUE;
      }
      return Math.max(Math.max(meanP99 * (1 + p99Tolerance), meanP99 + P99_SLACK_NANOS), p90P99);
    }
  }

  private Base base(List<FineSeries.Point> baseline) {
    long ok = 0;
    long errors = 0;
    List<Double> p99s = new ArrayList<>();
    for (FineSeries.Point p : baseline) {
      ok += p.ok();
      errors += p.errors();
      if (p.ok() > 0) {
        p99s.add(p.p99Nanos());
      }
    }
    if (ok + errors == 0) {
      return new Base(false, 0, 0, 0, 0, p99Tolerance);
    }
    double mean = p99s.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    List<Double> sorted = new ArrayList<>(p99s);
    sorted.sort(Double::compare);
    double p90 = sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(0.9 * sorted.size()) - 1));
    return new Base(true, (double) errors / (ok + errors), mean, p90, (double) (ok + errors) / baseline.size(),
        p99Tolerance);
  }

  /**
   * Decides.
   *
   * @param baseline the series' buckets before the fault, outside every fault window
   * @param after the series' buckets from the disruption to the end of the fault's window
   * @param fromNanos the disruption (or the injection when there was none)
   * @param windowEndNanos the end of the fault's window
   */
  Decision decide(List<FineSeries.Point> baseline, List<FineSeries.Point> after, long fromNanos,
      long windowEndNanos) {
    Base b = base(baseline);
    long available = windowEndNanos - fromNanos;
    if (after.stream().noneMatch(p -> p.total() > 0)) {
      return Decision.undecided(available < spanNanos ? tooShort(available)
          : "no operation completed in the " + available / 1_000_000 + " ms after the disruption");
    }
    for (int i = 0; i < after.size(); i++) {
      if (state(after.get(i), b) != State.GOOD) {
        continue;
      }
      long ok = 0;
      long errors = 0;
      boolean broken = false;
      for (int j = i; j < after.size(); j++) {
        FineSeries.Point p = after.get(j);
        if (state(p, b) == State.BAD) {
          broken = true;
          break;
        }
        ok += p.ok();
        errors += p.errors();
        if (p.end() - after.get(i).start() >= spanNanos) {
          if (ok > 0 && (double) errors / (ok + errors) <= b.errorRate() + errorRateTolerance) {
            return Decision.at(after.get(i).end());
          }
          broken = true;
          break;
        }
      }
      if (!broken) {
        // the window ended inside a good run: too short to tell
        return Decision.undecided(tooShort(windowEndNanos - after.get(i).start())
            + " (good since +" + Math.max(0, (after.get(i).start() - fromNanos) / 1_000_000) + " ms)");
      }
    }
    if (available < spanNanos) {
      return Decision.undecided(tooShort(available));
    }
    return Decision.undecided(notBack(after, b, available));
  }

  private String tooShort(long nanos) {
    return "window too short: " + Math.max(0, nanos / 1_000_000) + " ms left before the next fault or the end"
        + " of the phase, less than the " + spanNanos / 1_000_000 + " ms stable span needed";
  }

  private String notBack(List<FineSeries.Point> after, Base b, long available) {
    long ok = 0;
    long errors = 0;
    double p99 = 0;
    long from = after.get(after.size() - 1).end() - spanNanos;
    for (FineSeries.Point p : after) {
      if (p.start() >= from) {
        ok += p.ok();
        errors += p.errors();
        p99 = Math.max(p99, p.p99Nanos());
      }
    }
    double rate = ok + errors == 0 ? 0 : (double) errors / (ok + errors);
    return String.format(Locale.ROOT,
        "not back to baseline within the %d ms window: last %d ms error rate %.1f%% (baseline %.1f%%), p99 %s"
            + " (limit %s)%s",
        available / 1_000_000, spanNanos / 1_000_000, rate * 100, b.errorRate() * 100,
        ok == 0 ? "- (no success)" : String.format(Locale.ROOT, "%.1f ms", p99 / 1e6),
        b.p99Limit() == Double.MAX_VALUE ? "none" : String.format(Locale.ROOT, "%.1f ms", b.p99Limit() / 1e6),
        b.present() ? "" : "; no baseline before the fault");
  }

  private enum State { GOOD, NEUTRAL, BAD }

  private State state(FineSeries.Point p, Base b) {
    if (p.total() == 0) {
      return b.perBucket() >= EXPECTED_FOR_EMPTY ? State.BAD : State.NEUTRAL;
    }
    if (b.perBucket() >= EXPECTED_FOR_EMPTY
        && p.total() < Math.min(0.8 * b.perBucket(), b.perBucket() - 3 * Math.sqrt(b.perBucket()))) {
      return State.BAD; // operations missing: messages lost, calls never sent
    }
    if (p.ok() == 0) {
      return State.BAD;
    }
    double allowed = (b.errorRate() + errorRateTolerance) * p.total();
    if (p.errors() > allowed + 1) {
      return State.BAD;
    }
    return p.p99Nanos() <= b.p99Limit() ? State.GOOD : State.BAD;
  }
}
