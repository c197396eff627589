package io.micronats.simulator.baseline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench --contend N}: N busy-spinning threads in a separate JVM process, so that the
 * measured side competes for the cores with work it does not control. The child stops by itself
 * after its bound even if this JVM dies; {@link #close()} kills it earlier.
 *
 * <p>Used from the control thread.
 */
final class Contender implements AutoCloseable {
  private final Process process;

  private Contender(Process process) {
    this.process = process;
  }

  /** Starts {@code threads} busy threads in a child JVM that exits after {@code bound} at the latest. */
  static Contender start(int threads, Duration bound) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), BusyLoop.class.getName(), Integer.toString(threads),
        Long.toString(Math.max(1, bound.toMillis()))));
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    return new Contender(pb.start());
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
