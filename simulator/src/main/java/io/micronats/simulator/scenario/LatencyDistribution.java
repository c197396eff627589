package io.micronats.simulator.scenario;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How long a fake service's handler takes before it answers. Immutable; {@link #sampleNanos}
 * is thread-safe when each thread passes its own random source.
 *
 * @param kind the shape of the distribution
 * @param mean the mean (constant: the value; exponential: the mean)
 * @param min the lower bound (uniform)
 * @param max the upper bound (uniform) and a cap for exponential samples
 */
public record LatencyDistribution(Kind kind, Duration mean, Duration min, Duration max) {

  /** The shape of a handler latency distribution. */
  public enum Kind {
    /** The handler answers at once. */
    NONE,
    /** Always {@code mean}. */
    CONSTANT,
    /** Uniform between {@code min} and {@code max}. */
    UNIFORM,
    /** Exponential with the given {@code mean}, capped at {@code max}. */
    EXPONENTIAL
  }

  /** No handler latency. */
  public static final LatencyDistribution NONE = new LatencyDistribution(Kind.NONE, Duration.ZERO, Duration.ZERO, Duration.ZERO);

  /** Validates the bounds. */
  public LatencyDistribution {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (mean.isNegative() || min.isNegative() || max.isNegative()) {
      throw new IllegalArgumentException("latencies must be >= 0");
    }
    if (kind == Kind.UNIFORM && min.compareTo(max) > 0) {
      throw new IllegalArgumentException("min " + min + " > max " + max);
    }
  }

  /** A sample in nanoseconds. */
  public long sampleNanos(SplittableRandom random) {
    return switch (kind) {
      case NONE -> 0L;
      case CONSTANT -> mean.toNanos();
      case UNIFORM -> min.toNanos() == max.toNanos() ? min.toNanos() : random.nextLong(min.toNanos(), max.toNanos() + 1);
      case EXPONENTIAL -> {
        double sample = -Math.log(1.0 - random.nextDouble()) * mean.toNanos();
        long capped = max.isZero() ? (long) sample : Math.min((long) sample, max.toNanos());
        yield capped;
      }
    };
  }
}
