package io.micronats.spi;

import org.jspecify.annotations.Nullable;

/**
 * The broker is not connected: call {@code connect()} first, or again after {@code disconnect()}.
 */
public class NotConnectedException extends BrokerException {
  private static final long serialVersionUID = 1L;

  public NotConnectedException(String message) {
    super(message);
  }

  public NotConnectedException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
