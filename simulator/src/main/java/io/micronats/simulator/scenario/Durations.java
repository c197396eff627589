package io.micronats.simulator.scenario;

import java.time.Duration;
import java.util.Locale;

/**
 * Parses and prints the short duration form scenario files and options use: {@code 500us},
 * {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h} (decimals allowed: {@code 1.5s}). Stateless.
 */
public final class Durations {
  private static final String[] UNITS = {"ns", "us", "ms", "s", "m", "h"};
  private static final long[] NANOS = {1L, 1_000L, 1_000_000L, 1_000_000_000L, 60_000_000_000L, 3_600_000_000_000L};

  private Durations() {}

  /**
   * Parses a duration with a unit.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static Duration parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (int i = 0; i < UNITS.length; i++) {
      if (t.endsWith(UNITS[i])) {
        String number = t.substring(0, t.length() - UNITS[i].length()).trim();
        try {
          double amount = Double.parseDouble(number);
          if (amount >= 0 && !Double.isInfinite(amount)) {
            return Duration.ofNanos(Math.round(amount * NANOS[i]));
          }
        } catch (NumberFormatException e) {
          // not this unit (for example "5ms" tried as "s"); the loop order prevents that, fall through
        }
        break;
      }
    }
    throw new IllegalArgumentException("not a duration: '" + text + "' (use 500us, 250ms, 5s, 2m or 1h)");
  }

  /** The shortest exact form: {@code 0s}, {@code 5s}, {@code 250ms}, {@code 500us} or {@code 7ns}. */
  public static String format(Duration d) {
    long nanos = d.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    if (nanos % 1_000_000_000L == 0) {
      return nanos / 1_000_000_000L + "s";
    }
    if (nanos % 1_000_000L == 0) {
      return nanos / 1_000_000L + "ms";
    }
    if (nanos % 1_000L == 0) {
      return nanos / 1_000L + "us";
    }
    return nanos + "ns";
  }
}
