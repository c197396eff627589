package io.micronats.simulator.console;

import java.io.PrintWriter;

/**
 * Where a run prints: result lines always, progress lines when enabled. Progress lines are
 * rate-limited so that a long run does not flood a log. Thread-safe (synchronized).
 */
public final class Console {
  private final PrintWriter out;
  private final boolean progress;
  private final long minProgressIntervalNanos;
  private long lastProgress;

  /** A console printing to {@code out}; progress lines at most every {@code progressSeconds}. */
  public Console(PrintWriter out, boolean progress, double progressSeconds) {
    this.out = out;
    this.progress = progress;
    this.minProgressIntervalNanos = (long) (progressSeconds * 1e9);
    this.lastProgress = System.nanoTime() - minProgressIntervalNanos;
  }

  /** A console that prints result lines only. */
  public static Console quiet(PrintWriter out) {
    return new Console(out, false, 1);
  }

  /** Prints a line. */
  public synchronized void line(String text) {
    out.println(text);
    out.flush();
  }

  /** Prints a progress line unless progress is off or one was printed very recently. */
  public synchronized void progress(String text) {
    long now = System.nanoTime();
    if (progress && now - lastProgress >= minProgressIntervalNanos) {
      lastProgress = now;
      out.println("  .. " + text);
      out.flush();
    }
  }

  /** Prints a progress line unless progress is off (not rate-limited). */
  public synchronized void step(String text) {
    if (progress) {
      out.println("== " + text);
      out.flush();
    }
  }

  /** The underlying writer. */
  public PrintWriter writer() {
    return out;
  }
}
