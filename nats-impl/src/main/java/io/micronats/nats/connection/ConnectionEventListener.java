package io.micronats.nats.connection;

/**
 * Receives the {@link ConnectionEvent}s of a connection obtained from {@link NatsConnections}.
 *
 * <p>Contract: called on jnats' internal threads (its connection-event executor or reader),
 * possibly concurrently for different events, after the event was logged and counted. It must
 * return quickly and must not block; it may call the connection's non-blocking methods (publish,
 * status), not {@code close()} or {@code flush()}. An exception it throws is caught, logged at
 * WARN, and does not affect other listeners.
 */
@FunctionalInterface
public interface ConnectionEventListener {
  /** Handles one event. */
  void onEvent(ConnectionEvent event);
}
