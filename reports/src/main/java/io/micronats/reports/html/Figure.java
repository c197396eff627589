package io.micronats.reports.html;

/**
 * A numbered chart on the page: its title, the caption that states run count and spread, the SVG
 * markup, and whether it is a small multiple (laid out in a grid).
 *
 * <p>Immutable and thread-safe.
 */
record Figure(String title, String caption, String svg, boolean small) {
  Figure(String title, String caption, String svg) {
    this(title, caption, svg, false);
  }
}
