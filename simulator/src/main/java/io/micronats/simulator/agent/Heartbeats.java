package io.micronats.simulator.agent;

import org.jspecify.annotations.Nullable;

/**
 * Starts and stops the daemon thread that sends an agent's or the coordinator's heartbeats, the
 * same way on both sides. Stateless.
 */
final class Heartbeats {
  private Heartbeats() {}

  /** Starts {@code beat} on a daemon thread named {@code name}; {@code beat} ends when interrupted. */
  static Thread start(String name, Runnable beat) {
    Thread t = new Thread(beat, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * Interrupts {@code beats} and waits at most 2 s for it, so that close stays bounded; an
   * interrupt of the caller while waiting is kept.
   */
  static void stop(@Nullable Thread beats) {
    if (beats == null) {
      return;
    }
    beats.interrupt();
    try {
      beats.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
