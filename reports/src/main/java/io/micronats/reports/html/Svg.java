package io.micronats.reports.html;

import java.util.List;
import java.util.Locale;

/** Shared SVG bits: coordinates, escaping, the colour-blind-safe palette and dash patterns. */
final class Svg {
  /** Okabe-Ito colours (no yellow, which is unreadable on white paper), then two extra. */
  static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
      "#56B4E9", "#000000", "#882255", "#999999", "#44AA99");
  /** Dash patterns so series stay apart when printed in grey. */
  static final List<String> DASHES = List.of("", "6 3", "2 2", "8 3 2 3");

  private Svg() {}

  /** A coordinate with one decimal, locale-independent. */
  static String n(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String color(int series) {
    return PALETTE.get(series % PALETTE.size());
  }

  static String dash(int series) {
    return DASHES.get((series / PALETTE.size() + series) % DASHES.size());
  }

  /** Escapes text for element content and attribute values. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
