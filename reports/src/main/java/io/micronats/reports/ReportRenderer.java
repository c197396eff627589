package io.micronats.reports;

import java.io.IOException;
import java.io.Writer;

/**
 * A report format: renders a {@link ReportSet} as text to a {@link Writer}.
 *
 * <p>Implementations are stateless and thread-safe, and deterministic: the same set gives the
 * same characters (no clock, no random, stable ordering). They do not close the writer.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(dir.resolve("report.md"))) {
 *   ReportFormat.MARKDOWN.renderer().render(set, out);
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ReportRenderer {
  /**
   * Writes the report of {@code set} to {@code out}.
   *
   * @throws IOException when {@code out} fails; what was written so far stays written
   */
  void render(ReportSet set, Writer out) throws IOException;
}
