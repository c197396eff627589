package io.micronats.nats.broker;

import io.micronats.spi.Message;
import io.micronats.spi.broker.Event;

/**
 * A message delivered by the NATS broker. Acknowledging is a no-op: core NATS has no
 * acknowledgements and never redelivers.
 *
 * <p>Immutable.
 */
record NatsEvent(String topic, Message message) implements Event {
  @Override
  public void ack() {
    // Core NATS is at-most-once: there is nothing to acknowledge.
  }
}
