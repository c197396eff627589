package io.micronats.spi;

import org.jspecify.annotations.Nullable;

/**
 * Nobody listens at the address that was dialled or called.
 *
 * <p>Unlike {@link OperationTimeoutException}, this is certain: the request was not processed, so
 * it is always safe to try another node or to report the service as down.
 */
public class NoRespondersException extends TransportException {
  private static final long serialVersionUID = 1L;

  public NoRespondersException(String message) {
    super(message);
  }

  public NoRespondersException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
