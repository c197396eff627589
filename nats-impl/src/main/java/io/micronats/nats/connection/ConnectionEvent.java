package io.micronats.nats.connection;

import io.nats.client.Connection;
import io.nats.client.Consumer;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to a NATS connection: a state change or a reported problem.
 *
 * <p>Immutable.
 *
 * @param type what happened
 * @param connection the connection it happened to
 * @param detail a human-readable detail (server error text, exception, server URL), may be empty
 * @param consumer the subscription or dispatcher concerned, for {@link Type#SLOW_CONSUMER}
 */
public record ConnectionEvent(Type type, Connection connection, String detail, Optional<Consumer> consumer) {

  public ConnectionEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(consumer, "consumer");
  }

  /** The kinds of event. */
  public enum Type {
    CONNECTED,
    DISCONNECTED,
    RECONNECTED,
    RESUBSCRIBED,
    DISCOVERED_SERVERS,
    LAME_DUCK,
    CLOSED,
    /** A subscription hit its pending limit; the client drops messages for it. */
    SLOW_CONSUMER,
    /** The client discarded an outgoing message (full outgoing queue or reconnect buffer). */
    DISCARDED,
    /** A server {@code -ERR} (for example a permissions violation), an exception, or a write timeout. */
    ERROR
  }
}
