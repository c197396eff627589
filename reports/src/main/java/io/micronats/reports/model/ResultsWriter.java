package io.micronats.reports.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Writes a {@link RunResult} as {@code results.json} in the current schema version
 * ({@value #SCHEMA_VERSION}), with {@code "kind": "}{@value #KIND}{@code "} and
 * {@code "schemaVersion"} first. See {@code reports/RESULTS-SCHEMA.md}.
 *
 * <p>Stateless and thread-safe. Output is deterministic: the same result gives the same bytes.
 *
 * <pre>{@code
 * ResultsWriter.write(result, Path.of("out/results.json"));
 * }</pre>
 */
public final class ResultsWriter {
  /**
   * The schema version this writer produces. Version 2 holds faults once, as the structured
   * {@code faults} list (version 1 also flattened them into {@code fault.<i>.*} phase keys).
   */
  public static final int SCHEMA_VERSION = 2;
  /** The {@code kind} of a simulator results file. */
  public static final String KIND = "micronats-simulator-result";

  private ResultsWriter() {}

  /**
   * Writes {@code result} to {@code file}, creating parent directories. The file is written to a
   * temporary sibling first and then moved into place, so readers never see half a file.
   *
   * @throws IOException when the file cannot be written; {@code file} is then unchanged
   */
  public static void write(RunResult result, Path file) throws IOException {
    Objects.requireNonNull(result, "result");
    Path absolute = file.toAbsolutePath();
    Path parent = absolute.getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    // A unique sibling with default permissions (createTempFile would make it owner-only).
    Path temp = absolute.resolveSibling(absolute.getFileName() + "." + ProcessHandle.current().pid()
        + "." + System.nanoTime() + ".tmp");
    try {
      Files.writeString(temp, toJson(result), StandardCharsets.UTF_8);
      Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** The JSON text of {@code result}, ending with a newline. */
  public static String toJson(RunResult result) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("kind", KIND);
    root.setAll((ObjectNode) Json.MAPPER.valueToTree(result));
    try {
      return Json.MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      // Cannot happen for a tree of records; rethrow without hiding it.
      throw new UncheckedIOException(e);
    }
  }
}
