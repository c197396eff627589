package io.micronats.reports;

import io.micronats.reports.model.TckReport;
import java.util.Objects;

/**
 * A TCK report with the name it is shown under (usually the plugin) and the file it came from.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name shown name, unique within a {@link ReportSet}
 * @param source where it was read from
 * @param report the report
 */
public record NamedTckReport(String name, String source, TckReport report) {
  /** Checks that nothing is null. */
  public NamedTckReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(report, "report");
  }
}
