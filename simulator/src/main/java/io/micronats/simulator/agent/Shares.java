package io.micronats.simulator.agent;

/**
 * Splits a run into contiguous, nearly equal shares.
 *
 * <p>Stateless and thread-safe.
 */
public final class Shares {
  private Shares() {}

  /** The first index of share {@code part} of {@code total} items split into {@code parts}. */
  public static int from(int total, int parts, int part) {
    check(total, parts, part);
    return (int) ((long) total * part / parts);
  }

  /** One past the last index of share {@code part}. */
  public static int to(int total, int parts, int part) {
    check(total, parts, part);
    return (int) ((long) total * (part + 1) / parts);
  }

  private static void check(int total, int parts, int part) {
    if (total < 0 || parts < 1 || part < 0 || part >= parts) {
      throw new IllegalArgumentException("need total >= 0, parts >= 1 and 0 <= part < parts, got "
          + total + ", " + parts + ", " + part);
    }
  }
}
