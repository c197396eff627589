package io.micronats.spi.broker;

import io.micronats.spi.Names;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to subscribe: an optional queue group, auto-ack, and where handler failures go.
 *
 * <p>Immutable. Subscribers sharing a queue group on a topic share its messages: each message
 * goes to exactly one of them.
 *
 * @param queue the queue group, or {@code null} for a plain subscription (every subscriber gets
 *     every message)
 * @param autoAck whether the broker acknowledges after the handler returns normally (default true)
 * @param errorHandler where handler failures and drops are reported
 */
public record SubscribeOptions(@Nullable String queue, boolean autoAck, ErrorHandler errorHandler) {

  public SubscribeOptions {
    if (queue != null) {
      Names.requireQueueGroup(queue);
    }
    Objects.requireNonNull(errorHandler, "errorHandler");
  }

  /** No queue group, auto-ack on, failures logged. */
  public static SubscribeOptions defaults() {
    return new SubscribeOptions(null, true, ErrorHandler.logging());
  }

  /** The queue group, if any. */
  public Optional<String> queueGroup() {
    return Optional.ofNullable(queue);
  }

  /** A copy in the given queue group. */
  public SubscribeOptions withQueue(String group) {
    return new SubscribeOptions(group, autoAck, errorHandler);
  }

  /** A copy with auto-ack switched on or off. */
  public SubscribeOptions withAutoAck(boolean on) {
    return new SubscribeOptions(queue, on, errorHandler);
  }

  /** A copy reporting failures to {@code handler}. */
  public SubscribeOptions withErrorHandler(ErrorHandler handler) {
    return new SubscribeOptions(queue, autoAck, handler);
  }
}
