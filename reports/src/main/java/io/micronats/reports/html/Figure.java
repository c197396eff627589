package io.micronats.reports.html;

/**
 * A numbered chart on the page: its title, the caption that states run count and spread, the SVG
 * markup, and whether it is a small multiple (laid out in a grid). A figure without SVG is a
 * sentence standing in for a chart that would have nothing to draw (every value 0).
 *
 * <p>Immutable and thread-safe.
 */
record Figure(String title, String caption, String svg, boolean small) {
  Figure(String title, String caption, String svg) {
    this(title, caption, svg, false);
  }

  /** A sentence instead of a chart: {@code title} and {@code sentence}, no SVG and no figure number. */
  static Figure sentence(String title, String sentence) {
    return new Figure(title, sentence, "", false);
  }

  /** Whether this is a sentence instead of a chart. */
  boolean isSentence() {
    return svg.isEmpty();
  }
}
