package io.micronats.spi;

import org.jspecify.annotations.Nullable;

/**
 * A broker operation failed: a publish could not be handed to the network, or a subscription could
 * not be made. The message names the topic.
 */
public class BrokerException extends MessagingException {
  private static final long serialVersionUID = 1L;

  public BrokerException(String message) {
    super(message);
  }

  public BrokerException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
