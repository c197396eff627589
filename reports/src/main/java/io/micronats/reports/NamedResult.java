package io.micronats.reports;

import io.micronats.reports.model.RunResult;
import java.util.Objects;

/**
 * A simulator result with the name it is shown under and the file it came from.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name shown name, unique within a {@link ReportSet}
 * @param source where it was read from (a file name), for the page's list of inputs
 * @param result the result
 */
public record NamedResult(String name, String source, RunResult result) {
  /** Checks that nothing is null. */
  public NamedResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(result, "result");
  }
}
