package io.micronats.simulator.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What {@code bench} measures and how. Immutable; validated at construction.
 *
 * @param outputDirectory where {@code bench.json} goes
 * @param implementation plugin compared with raw jnats
 * @param nodes nodes of the local cluster (ignored with {@code urls})
 * @param payloadBytes payload of requests and messages (at least 24)
 * @param inFlight callers of the RPC closed loop
 * @param warmup warm-up before each measurement
 * @param duration measured time of each measurement
 * @param repetitions repetitions per side (the median is reported)
 * @param services services registered for the lookup comparison
 * @param urls an existing cluster's client URLs; empty starts a local cluster
 * @param only the comparisons to run: {@code rpc}, {@code broker}, {@code registry}
 * @param contend busy threads in a separate process during every measured phase (0: none)
 */
public record BenchPlan(Path outputDirectory, String implementation, int nodes, int payloadBytes, int inFlight,
    Duration warmup, Duration duration, int repetitions, int services, List<String> urls, java.util.Set<String> only,
    int contend) {
  /** Every comparison. */
  public static final java.util.Set<String> ALL = java.util.Set.of("rpc", "broker", "registry");

  /** A plan without contention. */
  public BenchPlan(Path outputDirectory, String implementation, int nodes, int payloadBytes, int inFlight, Duration warmup,
      Duration duration, int repetitions, int services, List<String> urls, java.util.Set<String> only) {
    this(outputDirectory, implementation, nodes, payloadBytes, inFlight, warmup, duration, repetitions, services, urls, only, 0);
  }

  /** Validates the values, naming the option at fault. */
  public BenchPlan {
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(implementation, "implementation");
    if (nodes < 1 || nodes > 16) {
      throw new IllegalArgumentException("--nodes must be 1..16, was " + nodes);
    }
    if (payloadBytes < 24) {
      throw new IllegalArgumentException("--payload must be >= 24 (the sequence header), was " + payloadBytes);
    }
    if (inFlight < 1) {
      throw new IllegalArgumentException("--in-flight must be >= 1, was " + inFlight);
    }
    if (duration.isNegative() || duration.isZero() || warmup.isNegative()) {
      throw new IllegalArgumentException("--duration must be > 0 and --warmup >= 0");
    }
    if (repetitions < 1) {
      throw new IllegalArgumentException("--pairs must be >= 1, was " + repetitions);
    }
    if (services < 1) {
      throw new IllegalArgumentException("--services must be >= 1, was " + services);
    }
    if (contend < 0 || contend > 64) {
      throw new IllegalArgumentException("--contend must be 0..64, was " + contend);
    }
    urls = List.copyOf(urls);
    only = java.util.Set.copyOf(only);
    if (only.isEmpty() || !ALL.containsAll(only)) {
      throw new IllegalArgumentException("--only must list some of " + new java.util.TreeSet<>(ALL) + ", was " + only);
    }
  }
}
