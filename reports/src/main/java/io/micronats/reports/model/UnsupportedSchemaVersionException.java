package io.micronats.reports.model;

/**
 * A file whose {@code schemaVersion} is newer than this reader knows: it was written by a newer
 * micronats. The fix is to read it with that newer version.
 *
 * <p>Immutable and thread-safe.
 */
public final class UnsupportedSchemaVersionException extends ResultsFormatException {
  private static final long serialVersionUID = 1L;

  private final int found;
  private final int newestSupported;

  public UnsupportedSchemaVersionException(String source, String kind, int found, int newestSupported) {
    super(source, kind + " schemaVersion " + found + " is newer than this reader supports (versions 1.."
        + newestSupported + "); read it with the micronats version that wrote it, or newer");
    this.found = found;
    this.newestSupported = newestSupported;
  }

  /** The version found in the file. */
  public int found() {
    return found;
  }

  /** The newest version this reader supports. */
  public int newestSupported() {
    return newestSupported;
  }
}
