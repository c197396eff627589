package io.micronats.nats.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Signals and bounded waits on the {@code nats-server} processes of a {@link NatsNode}.
 *
 * <p>Stateless and thread-safe; blocks the calling thread (never longer than the given bound) and
 * starts no threads, only the short-lived {@code kill} command.
 */
final class ProcessControl {
  private static final Duration SIGNAL_WAIT = Duration.ofSeconds(5);

  private ProcessControl() {}

  /**
   * Waits up to {@code wait} for {@code p} to exit; returns early, with the interrupt flag set,
   * when the thread is or gets interrupted.
   *
   * @return whether the process has exited
   */
  static boolean awaitExit(Process p, Duration wait) {
    try {
      return p.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !p.isAlive();
    }
  }

  /**
   * Waits up to {@code wait} for {@code p} to exit even when the thread is interrupted: the
   * interrupt flag is cleared during the wait and set again afterwards. For the wait after a
   * SIGKILL, which must not be skipped, or the next start finds the old process still alive.
   *
   * @return whether the process has exited
   */
  static boolean awaitExitUninterruptibly(Process p, Duration wait) {
    boolean interrupted = Thread.interrupted();
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        try {
          // waitFor with no time left answers at once and does not throw
          return p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Sends {@code signal} (for example {@code STOP}) to {@code p} with the {@code kill} command and
   * waits up to 5 s for it, even when the thread is interrupted (the flag is kept).
   *
   * @throws IllegalStateException when the command fails or does not finish in time
   * @throws UncheckedIOException when the command cannot run
   */
  static void signal(Process p, String signal) {
    List<String> command = List.of("kill", "-" + signal, Long.toString(p.pid()));
    try {
      Process k = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!awaitExitUninterruptibly(k, SIGNAL_WAIT)) {
        k.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish within "
            + SIGNAL_WAIT.toSeconds() + " s");
      }
      if (k.exitValue() != 0) {
        String out = new String(k.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out.trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    }
  }
}
