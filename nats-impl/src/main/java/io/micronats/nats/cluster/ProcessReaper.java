package io.micronats.nats.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Kills every nats-server process this JVM started, and deletes the clusters' work directories,
 * when the JVM exits (one shutdown hook, registered on first use).
 *
 * <p>Thread-safe. The hook runs on its own thread "natscluster-reaper"; it only signals processes
 * and deletes files, and waits at most about 5 s in total.
 */
final class ProcessReaper {
  private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();
  private static final Set<Path> DIRECTORIES = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean HOOKED = new AtomicBoolean();

  private ProcessReaper() {}

  static void track(Process process) {
    hook();
    PROCESSES.removeIf(p -> !p.isAlive());
    PROCESSES.add(process);
  }

  static void deleteOnExit(Path dir) {
    hook();
    DIRECTORIES.add(dir);
  }

  static void forget(Path dir) {
    DIRECTORIES.remove(dir);
  }

  /** Deletes a directory tree; returns false (never throws) when something could not be deleted. */
  static boolean deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return true;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      boolean ok = true;
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          ok = false;
        }
      }
      return ok;
    } catch (IOException e) {
      return false;
    }
  }

  private static void hook() {
    if (HOOKED.compareAndSet(false, true)) {
      Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::reap, "natscluster-reaper"));
    }
  }

  private static void reap() {
    for (Process p : PROCESSES) {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (Process p : PROCESSES) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        p.waitFor(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Path d : DIRECTORIES) {
      deleteTree(d);
    }
  }
}
