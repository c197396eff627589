package io.micronats.reports.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A titled table of cells that both renderers print the same way; the first {@code leftColumns}
 * columns are text (left-aligned), the rest numbers (right-aligned).
 *
 * <p>Immutable and thread-safe.
 *
 * @param title the heading above the table
 * @param caption one sentence under it (units, run count and spread), may be empty
 * @param header column titles
 * @param rows rows, each with one cell per column
 * @param leftColumns how many leading columns are left-aligned text
 */
public record Table(String title, String caption, List<String> header, List<List<Cell>> rows, int leftColumns) {
  /** Copies and checks that every row has one cell per column. */
  public Table {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(caption, "caption");
    header = List.copyOf(header);
    List<List<Cell>> copy = new ArrayList<>();
    for (List<Cell> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("table " + title + ": a row has " + row.size()
            + " cells, the header " + header.size());
      }
      copy.add(List.copyOf(row));
    }
    rows = List.copyOf(copy);
  }

  /** Whether column {@code index} is left-aligned. */
  public boolean isLeft(int index) {
    return index < leftColumns;
  }
}
