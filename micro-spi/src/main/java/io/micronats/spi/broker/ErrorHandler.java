package io.micronats.spi.broker;

import io.micronats.spi.MessagingException;
import org.jspecify.annotations.Nullable;

/**
 * Receives what went wrong in a subscription: a handler that threw, or messages the
 * implementation had to drop (for example NATS slow-consumer drops).
 *
 * <p>Called on a broker thread; it must be quick and must not throw. The default logs through
 * {@link System.Logger} at WARNING.
 */
@FunctionalInterface
public interface ErrorHandler {

  /**
   * Reports one failure.
   *
   * @param topic the subscription's topic
   * @param event the event being handled, or {@code null} when the failure concerns no single
   *     event (dropped messages)
   * @param error what happened
   */
  void onError(String topic, @Nullable Event event, Throwable error);

  /** The default: log at WARNING through {@link System.Logger} and carry on. */
  static ErrorHandler logging() {
    System.Logger log = System.getLogger("io.micronats.broker");
    return (topic, event, error) ->
        log.log(System.Logger.Level.WARNING, "subscription to '" + topic + "' failed", error);
  }

  /** Wraps a non-messaging failure so that error handlers see one type. */
  static MessagingException wrap(String topic, Throwable error) {
    return error instanceof MessagingException m
        ? m
        : new MessagingException("handler for topic '" + topic + "' failed: " + error, error);
  }
}
