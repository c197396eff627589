package io.micronats.spi.broker;

/**
 * A live subscription of a handler to a topic.
 *
 * <p>Thread-safe. After {@link #unsubscribe()} returns, the handler is not called again (a call
 * already running may finish).
 */
public interface Subscription extends AutoCloseable {

  /** The topic (or pattern) subscribed to. */
  String topic();

  /** The options it was made with. */
  SubscribeOptions options();

  /** True until unsubscribed or the broker disconnects. */
  boolean isActive();

  /** Stops delivery. Idempotent. */
  void unsubscribe();

  /** Same as {@link #unsubscribe()}. */
  @Override
  default void close() {
    unsubscribe();
  }
}
