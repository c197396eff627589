package io.micronats.spi.broker;

import io.micronats.spi.Message;

/**
 * A message delivered to a subscription.
 *
 * <p>Valid only inside the handler call that received it, except that {@link #message()} may be
 * kept (messages are immutable).
 */
public interface Event {

  /** The topic the message was published to (never a wildcard). */
  String topic();

  /** The message as published. */
  Message message();

  /**
   * Acknowledges the message. With auto-ack (the default) the broker acknowledges after the
   * handler returns normally. Never fails on an implementation without acknowledgements.
   */
  void ack();
}
