package io.micronats.reports.model;

import java.io.IOException;

/**
 * A results or TCK report file that could not be read because its content is wrong: not JSON, the
 * wrong {@code kind}, a missing or unsupported {@code schemaVersion}, or a field that breaks a rule.
 * The message names the source and the offending field.
 *
 * <p>Immutable and thread-safe. Nothing was read when it is thrown; the file is unchanged.
 */
public class ResultsFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String source;

  public ResultsFormatException(String source, String problem) {
    super(source + ": " + problem);
    this.source = source;
  }

  public ResultsFormatException(String source, String problem, Throwable cause) {
    super(source + ": " + problem, cause);
    this.source = source;
  }

  /** The file (or other source) that was being read. */
  public String source() {
    return source;
  }
}
