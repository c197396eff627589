package io.micronats.reports.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code tck-report.json} files ({@code "kind": "}{@value #KIND}{@code "}) of every schema
 * version up to {@value #SCHEMA_VERSION}; a newer version fails with
 * {@link UnsupportedSchemaVersionException}.
 *
 * <p>Stateless and thread-safe. Unknown fields are ignored.
 */
public final class TckReportReader {
  /** The newest TCK report schema version this reader knows. */
  public static final int SCHEMA_VERSION = 1;
  /** The {@code kind} of a TCK report. */
  public static final String KIND = "micronats-tck-report";

  private TckReportReader() {}

  /** Every schema version this reader accepts, oldest first. */
  public static List<Integer> supportedVersions() {
    return List.of(1);
  }

  /**
   * Reads and validates a TCK report.
   *
   * @throws UnsupportedSchemaVersionException when the file is of a newer schema version
   * @throws ResultsFormatException when the content is not a valid TCK report
   * @throws IOException when the file cannot be read
   */
  public static TckReport read(Path file) throws IOException {
    return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Reads a TCK report from JSON text; {@code source} names it in error messages.
   *
   * @throws ResultsFormatException as {@link #read(Path)}
   */
  public static TckReport fromJson(String json, String source) throws ResultsFormatException {
    Json.Versioned versioned = Json.open(json, source, KIND, SCHEMA_VERSION);
    return Json.bind(versioned.body(), TckReport.class, source);
  }
}
