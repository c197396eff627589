package io.micronats.simulator.workload;

import java.util.Locale;

/** Formats microsecond values for terminal lines ({@code 850us}, {@code 1.25ms}, {@code 2.1s}). */
public final class Micros {
  private Micros() {}

  /** A short human form of a value in microseconds. */
  public static String format(double micros) {
    if (micros < 1000) {
      return String.format(Locale.ROOT, "%.0fus", micros);
    }
    if (micros < 1_000_000) {
      return String.format(Locale.ROOT, "%.2fms", micros / 1000);
    }
    return String.format(Locale.ROOT, "%.2fs", micros / 1_000_000);
  }
}
