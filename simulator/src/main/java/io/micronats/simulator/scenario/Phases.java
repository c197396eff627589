package io.micronats.simulator.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * The three phases of one workload run: warm-up (JIT and interest propagation, not reported),
 * measured (reported) and cool-down (in-flight requests finish, not reported). Immutable.
 *
 * @param warmup time before measuring starts
 * @param measured time whose results are reported
 * @param cooldown time after measuring for late replies; they are counted, not recorded
 */
public record Phases(Duration warmup, Duration measured, Duration cooldown) {
  /** Defaults: 2 s warm-up, 8 s measured, 1 s cool-down (the demo fits in 3 minutes). */
  public static final Phases DEFAULTS = new Phases(Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(1));

  /** Validates that no phase is negative and the measured phase is positive. */
  public Phases {
    Objects.requireNonNull(warmup, "warmup");
    Objects.requireNonNull(measured, "measured");
    Objects.requireNonNull(cooldown, "cooldown");
    if (warmup.isNegative() || cooldown.isNegative() || measured.isNegative() || measured.isZero()) {
      throw new IllegalArgumentException("phases must be >= 0 and measured > 0: " + warmup + "/" + measured + "/" + cooldown);
    }
  }

  /** The whole time the phases take. */
  public Duration total() {
    return warmup.plus(measured).plus(cooldown);
  }
}
