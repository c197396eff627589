package io.micronats.spi;

import org.jspecify.annotations.Nullable;

/**
 * A transport operation failed: the connection broke, or the peer or the network misbehaved.
 *
 * <p>The socket or listener involved may no longer be usable; the message names its address.
 */
public class TransportException extends MessagingException {
  private static final long serialVersionUID = 1L;

  public TransportException(String message) {
    super(message);
  }

  public TransportException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
