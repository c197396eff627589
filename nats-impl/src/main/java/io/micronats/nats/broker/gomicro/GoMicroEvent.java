package io.micronats.nats.broker.gomicro;

import io.micronats.spi.Message;
import io.micronats.spi.broker.Event;

/**
 * An event of the go-micro broker profile: the decoded envelope, or (for the error handler of a
 * payload that was not one) the raw bytes as body, as go-micro hands them to its error handler.
 *
 * <p>Immutable. Acknowledging is a no-op (core NATS, as go-micro's NATS broker).
 */
record GoMicroEvent(String topic, Message message) implements Event {
  @Override
  public void ack() {
    // go-micro's NATS broker has no acknowledgements either.
  }
}
