package io.micronats.tck.env;

import java.util.ArrayList;
import java.util.List;

/**
 * A collector of failures that happen on threads the implementation owns (handlers, accept
 * callbacks), so that they fail the test that caused them.
 *
 * <p>Thread-safe. The TCK's extension checks it after every rule test and fails the rule with
 * the first collected error.
 *
 * <pre>{@code
 * broker.subscribe(topic, event -> errors.check(() -> assertThat(event.topic()).isEqualTo(topic)));
 * }</pre>
 */
public final class AsyncErrors {

  private final List<Throwable> errors = new ArrayList<>();

  /** Records a failure. */
  public synchronized void record(Throwable error) {
    errors.add(error);
  }

  /** Runs {@code check}, recording what it throws instead of throwing it. */
  public void check(TestEnvironment.ThrowingRunnable check) {
    try {
      check.run();
    } catch (Throwable t) {
      record(t);
    }
  }

  /** A copy of the recorded failures. */
  public synchronized List<Throwable> errors() {
    return List.copyOf(errors);
  }

  /**
   * Throws when a failure was recorded.
   *
   * @throws AssertionError "expected no failure on implementation threads, but ..." carrying the
   *     first failure as its cause and the others as suppressed
   */
  public synchronized void assertNone() {
    if (errors.isEmpty()) {
      return;
    }
    Throwable first = errors.get(0);
    AssertionError error = new AssertionError("expected no failure on implementation threads, but " + errors.size()
        + " happened; first: " + first, first);
    for (int i = 1; i < errors.size(); i++) {
      error.addSuppressed(errors.get(i));
    }
    throw error;
  }
}
