package io.micronats.simulator.scenario;

/**
 * A {@code faults:} list that cannot run: the message starts with the field's path
 * ({@code faults[1].duration: ...}), as the scenario parser reports every error.
 *
 * <p>Immutable.
 */
public final class FaultScheduleException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String path;
  private final String problem;

  /** The exception for the field at {@code path}. */
  public FaultScheduleException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
    this.problem = problem;
  }

  /** The field's path, for example {@code faults[0].at}. */
  public String path() {
    return path;
  }

  /** What was wrong, without the path. */
  public String problem() {
    return problem;
  }
}
