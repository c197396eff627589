package io.micronats.reports.analysis;

import java.util.Locale;

/**
 * Number formatting shared by the renderers: locale-independent, short, and with units chosen by
 * magnitude (latency from microseconds to seconds).
 *
 * <p>Stateless and thread-safe.
 */
public final class Format {
  private Format() {}

  /** A latency given in microseconds: {@code "232 µs"}, {@code "1.19 ms"}, {@code "45.0 ms"}, {@code "1.27 s"}. */
  public static String micros(double us) {
    if (us < 1_000) {
      return number(us) + " µs";
    }
    if (us < 1_000_000) {
      return number(us / 1_000) + " ms";
    }
    return number(us / 1_000_000) + " s";
  }

  /** Three significant digits, no exponent, grouping above 10,000: {@code "0.912"}, {@code "12.3"}, {@code "4,020"}. */
  public static String number(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 10_000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }

  /** An axis tick: as short as possible, {@code "2"}, {@code "0.5"}, {@code "20,000"}. */
  public static String tick(double v) {
    if (v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    String s = String.format(Locale.ROOT, "%.3f", v);
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  /** A latency tick (microseconds in): {@code "500 µs"}, {@code "2 ms"}, {@code "1 s"}. */
  public static String microsTick(double us) {
    if (us < 1_000) {
      return tick(us) + " µs";
    }
    if (us < 1_000_000) {
      return tick(us / 1_000) + " ms";
    }
    return tick(us / 1_000_000) + " s";
  }

  /** A range with the unit once when both ends share it: {@code "223–249 µs"}, {@code "980–1020/s"}. */
  public static String range(double min, double max, String unit) {
    String a = value(min, unit);
    String b = value(max, unit);
    int space = a.lastIndexOf(' ');
    if ("us".equals(unit) && space > 0 && b.endsWith(a.substring(space))) {
      return a.substring(0, space) + "\u2013" + b;
    }
    if ("/s".equals(unit)) {
      return a.substring(0, a.length() - 2) + "\u2013" + b;
    }
    return a + "\u2013" + b;
  }

  /** A count: {@code "1,240"}. */
  public static String count(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  /** An exact count: {@code "1,240"}. */
  public static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v);
  }

  /** A ratio: {@code "1.07x"}. */
  public static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2f\u00d7", r);
  }

  /** A value in {@code unit} ({@code "us"}, {@code "/s"}, or empty for a count). */
  public static String value(double v, String unit) {
    return switch (unit) {
      case "us" -> micros(v);
      case "" -> count(v);
      case "/s" -> number(v) + "/s";
      case "ms" -> micros(v * 1_000);
      case "s" -> micros(v * 1_000_000);
      default -> number(v) + " " + unit;
    };
  }

  /**
   * A figure with its run count and spread: {@code "812 µs (790 µs–840 µs, n=3)"}; counts show
   * the per-run range; a single run shows {@code "(n=1)"}.
   */
  public static String spread(Spread s, String unit) {
    String value = value(s.value(), unit);
    if (!s.hasSpread()) {
      return value + " (n=1)";
    }
    if (s.min() == s.max() && s.min() == s.value()) {
      return value + " (n=" + s.n() + ", no spread)";
    }
    if (s.min() == s.max()) {
      return value + " (per run " + value(s.min(), unit) + ", n=" + s.n() + ")";
    }
    String prefix = unit.isEmpty() ? "per run " : "";
    return value + " (" + prefix + range(s.min(), s.max(), unit) + ", n=" + s.n() + ")";
  }
}
