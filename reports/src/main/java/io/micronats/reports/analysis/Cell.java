package io.micronats.reports.analysis;

import java.util.Objects;

/**
 * One table cell: its text, an optional tone for highlighting, and an optional longer note
 * (shown as a tooltip in HTML).
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the shown text (plain, not escaped)
 * @param tone how to highlight it
 * @param note longer text, empty for none
 */
public record Cell(String text, Tone tone, String note) {
  /** Checks that nothing is null. */
  public Cell {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(tone, "tone");
    Objects.requireNonNull(note, "note");
  }

  /** The highlight of a cell. */
  public enum Tone {
    /** No highlight. */
    PLAIN,
    /** Good: passed, better. */
    GOOD,
    /** Bad: failed, worse. */
    BAD,
    /** Attention: skipped, differs between inputs. */
    WARN,
    /** De-emphasised: not applicable, same. */
    MUTED
  }

  /** A plain cell. */
  public static Cell of(String text) {
    return new Cell(text, Tone.PLAIN, "");
  }

  /** A highlighted cell. */
  public static Cell of(String text, Tone tone) {
    return new Cell(text, tone, "");
  }
}
