package io.micronats.nats.transport;

import io.micronats.spi.ClosedException;
import io.nats.client.Connection;
import io.nats.client.Consumer;
import io.nats.client.Dispatcher;
import org.jspecify.annotations.Nullable;

/**
 * The jnats dispatchers of a {@link NatsTransport}'s serve-mode listeners: a fixed number of
 * slots ({@value NatsTransport#SERVE_THREADS}), handed out round robin to new connections, each
 * dispatcher created on first use with jnats' default pending limits.
 *
 * <p>Thread-safe: its own monitor guards the slots; nothing foreign is called under it except
 * jnats' dispatcher creation and closing.
 */
final class ServeDispatchers {

  private final @Nullable Dispatcher[] slots;
  private int next;
  private boolean closed;

  ServeDispatchers(int threads) {
    this.slots = new Dispatcher[threads];
  }

  /**
   * The dispatcher for the next connection on {@code c}, round robin; created on first use.
   *
   * @throws ClosedException after {@link #close}
   */
  synchronized Dispatcher next(Connection c) {
    if (closed) {
      throw new ClosedException("transport is closed");
    }
    int i = Math.floorMod(next++, slots.length);
    Dispatcher d = slots[i];
    if (d == null) {
      d = c.createDispatcher();
      d.setPendingLimits(Consumer.DEFAULT_MAX_MESSAGES, Consumer.DEFAULT_MAX_BYTES);
      slots[i] = d;
    }
    return d;
  }

  /** Whether {@code consumer} (from a slow-consumer event) is one of these dispatchers. */
  synchronized boolean contains(Object consumer) {
    for (Dispatcher d : slots) {
      if (d != null && d == consumer) {
        return true;
      }
    }
    return false;
  }

  /** Closes every dispatcher created on {@code c}; {@link #next} fails from now on. */
  synchronized void close(Connection c) {
    closed = true;
    release(c);
  }

  /** Forgets the dispatchers of {@code c}, a connection the client library closed for good; later ones start afresh. */
  synchronized void release(Connection c) {
    for (int i = 0; i < slots.length; i++) {
      NatsTransport.closeDispatcher(c, slots[i]);
      slots[i] = null;
    }
  }
}
