package io.micronats.reports.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code results.json} files of every schema version up to {@value ResultsWriter#SCHEMA_VERSION}
 * into a {@link RunResult}, migrating older versions; a newer version fails with
 * {@link UnsupportedSchemaVersionException}.
 *
 * <p>Stateless and thread-safe. Unknown fields are ignored (additive changes within a version).
 *
 * <pre>{@code
 * RunResult result = ResultsReader.read(Path.of("out/results.json"));
 * }</pre>
 */
public final class ResultsReader {
  private ResultsReader() {}

  /** Every schema version this reader accepts, oldest first. */
  public static List<Integer> supportedVersions() {
    return List.of(1, 2);
  }

  /**
   * Reads and validates a results file.
   *
   * @throws UnsupportedSchemaVersionException when the file is of a newer schema version
   * @throws ResultsFormatException when the content is not a valid results file (the message names
   *     the field)
   * @throws IOException when the file cannot be read
   */
  public static RunResult read(Path file) throws IOException {
    return fromJson(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Reads results from JSON text; {@code source} names it in error messages.
   *
   * @throws ResultsFormatException as {@link #read(Path)}
   */
  public static RunResult fromJson(String json, String source) throws ResultsFormatException {
    Json.Versioned versioned = Json.open(json, source, ResultsWriter.KIND, ResultsWriter.SCHEMA_VERSION);
    RunResult result = Json.bind(versioned.body(), RunResult.class, source);
    // Version 1 also carried part of each fault as flat phase keys; version 2 holds faults once.
    return versioned.version() == 1 ? V1FaultLabels.complete(result) : result;
  }
}
