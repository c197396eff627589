package io.micronats.spi;

import org.jspecify.annotations.Nullable;

/**
 * The socket, listener, subscription, watcher or client was closed, locally or by its peer.
 *
 * <p>The object cannot be used again; open a new one. Blocked callers are released with this
 * exception as soon as the close happens.
 */
public class ClosedException extends MessagingException {
  private static final long serialVersionUID = 1L;

  public ClosedException(String message) {
    super(message);
  }

  public ClosedException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
