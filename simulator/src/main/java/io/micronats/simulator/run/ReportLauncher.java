package io.micronats.simulator.run;

import io.micronats.reports.Reports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders reports (HTML and Markdown) through the reports module's entry point
 * {@link Reports#write(List, Path)}. Stateless.
 */
public final class ReportLauncher {
  private ReportLauncher() {}

  /**
   * Renders {@code results} into {@code outDir}.
   *
   * @return the written files, {@code index.html} first
   * @throws IOException when an input cannot be read or an output written
   * @throws io.micronats.reports.model.ResultsFormatException when an input is not a results file
   */
  public static List<Path> render(List<Path> results, Path outDir) throws IOException {
    return Reports.write(results, outDir);
  }
}
