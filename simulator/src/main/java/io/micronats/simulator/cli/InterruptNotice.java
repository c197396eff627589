package io.micronats.simulator.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * While a run is in progress, a JVM shutdown hook that tells a user who pressed Ctrl-C where the
 * partial results are: {@code interrupted: partial results in DIR}. Closing it (the run ended on
 * its own) removes the hook. Not thread-safe; one per run.
 */
final class InterruptNotice implements AutoCloseable {
  private final Thread hook;
  private boolean closed;

  private InterruptNotice(Thread hook) {
    this.hook = hook;
  }

  /** Registers the notice for a run writing into {@code dir}. */
  static InterruptNotice register(Path dir, PrintWriter err) {
    Path where = dir.toAbsolutePath().normalize();
    Thread hook = new Thread(() -> {
      err.println("interrupted: partial results in " + where);
      err.flush();
    }, "micronats-interrupt-notice");
    Runtime.getRuntime().addShutdownHook(hook);
    return new InterruptNotice(hook);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook runs, which is what the user needs then
    }
  }
}
