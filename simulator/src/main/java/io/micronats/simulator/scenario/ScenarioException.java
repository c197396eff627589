package io.micronats.simulator.scenario;

/**
 * A scenario that cannot run: a field with a wrong type or value, an unknown field, or a file
 * that is not YAML.
 *
 * <p>The message starts with the field's path ({@code fleet.services: must be >= 1, was 0}), so
 * the user can find the line to fix. Thrown before anything starts. Immutable.
 */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String path;

  /** Creates the exception for the field at {@code path} (dotted, with [i] for list items). */
  public ScenarioException(String path, String problem) {
    super((path.isEmpty() ? "(top level)" : path) + ": " + problem);
    this.path = path;
  }

  /** Creates the exception for a file that could not be read or parsed at all. */
  public ScenarioException(String problem, Throwable cause) {
    super(problem, cause);
    this.path = "";
  }

  /** The dotted path of the field that was wrong, empty for the whole file. */
  public String path() {
    return path;
  }
}
