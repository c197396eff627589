package io.micronats.nats.connection;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Process-wide gate that lets one WARN through per fault: the first warning of a kind about one
 * server (say "disconnected from 127.0.0.1:4222") within {@value #WINDOW_SECONDS} s; the same
 * warning from the other connections hit by that fault goes to DEBUG, and every event is still
 * counted in {@link ConnectionStats}.
 *
 * <p>Thread-safe. Bounded: at most {@value #MAX_KEYS} keys are remembered, then forgotten at once.
 */
final class FaultWarnings {
  static final int WINDOW_SECONDS = 10;
  static final int MAX_KEYS = 1024;
  private static final long WINDOW_NANOS = Duration.ofSeconds(WINDOW_SECONDS).toNanos();

  private final ConcurrentHashMap<String, Long> lastWarned = new ConcurrentHashMap<>();

  /** True if a warning with this key has not been let through in the current window. */
  boolean first(String key, long nowNanos) {
    if (lastWarned.size() >= MAX_KEYS) {
      lastWarned.clear();
    }
    boolean[] first = {false};
    lastWarned.compute(key, (k, last) -> {
      if (last == null || nowNanos - last >= WINDOW_NANOS) {
        first[0] = true;
        return nowNanos;
      }
      return last;
    });
    return first[0];
  }
}
