package io.micronats.simulator.workload;

/**
 * Deterministic pseudo-random choices from (seed, index), so that operation {@code i} of a run
 * always targets the same service whatever thread performs it. Stateless.
 */
final class Mix {
  private Mix() {}

  /** A well-mixed 64-bit value of seed and index (SplitMix64 finaliser). */
  static long hash(long seed, long index) {
    long z = seed + index * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A value in {@code [0, bound)}. */
  static int below(long seed, long index, int bound) {
    return (int) Math.floorMod(hash(seed, index), (long) bound);
  }
}
