package io.micronats.reports;

import io.micronats.reports.html.HtmlReportRenderer;
import io.micronats.reports.markdown.MarkdownReportRenderer;

/**
 * The report formats and the file each is written to by {@link Reports#write(java.util.List, java.nio.file.Path)}.
 *
 * <p>Immutable and thread-safe.
 */
public enum ReportFormat {
  /** One self-contained page with inline CSS and SVG charts: {@code index.html}. */
  HTML("index.html"),
  /** Tables for a pull request or a wiki: {@code report.md}. */
  MARKDOWN("report.md");

  private final String fileName;

  ReportFormat(String fileName) {
    this.fileName = fileName;
  }

  /** The file name this format is written to in the output directory. */
  public String fileName() {
    return fileName;
  }

  /** The renderer of this format. */
  public ReportRenderer renderer() {
    return switch (this) {
      case HTML -> new HtmlReportRenderer();
      case MARKDOWN -> new MarkdownReportRenderer();
    };
  }
}
