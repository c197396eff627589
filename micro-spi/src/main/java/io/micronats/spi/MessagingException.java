package io.micronats.spi;

import org.jspecify.annotations.Nullable;

/**
 * The root of every operational failure a Transport, Broker, Registry or the RPC layer reports.
 *
 * <p>Unchecked, because most callers cannot do better than fail the request they are serving;
 * those that can catch the subtype that matches their reaction. Messages always name the
 * address, topic or service involved.
 */
public class MessagingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MessagingException(String message) {
    super(message);
  }

  public MessagingException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
