package io.micronats.spi.inmemory;

import io.micronats.spi.Message;
import io.micronats.spi.broker.Event;

/**
 * An event of the in-memory broker: the literal topic and the immutable message.
 *
 * <p>Immutable. {@link #ack()} does nothing: the in-memory broker is at-most-once and keeps no
 * acknowledgement state.
 */
record MemoryEvent(String topic, Message message) implements Event {

  @Override
  public void ack() {
    // Nothing to acknowledge: delivery is at-most-once and nothing is redelivered.
  }
}
