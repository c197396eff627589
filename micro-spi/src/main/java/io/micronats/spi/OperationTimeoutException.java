package io.micronats.spi;

import java.time.Duration;

/**
 * A blocking operation did not complete within its timeout.
 *
 * <p>The peer may still have processed the request: retry only what is safe to repeat.
 */
public class OperationTimeoutException extends MessagingException {
  private static final long serialVersionUID = 1L;
  private final Duration timeout;

  public OperationTimeoutException(String what, Duration timeout) {
    super(what + " timed out after " + timeout.toMillis() + " ms");
    this.timeout = timeout;
  }

  /** The timeout that expired. */
  public Duration timeout() {
    return timeout;
  }
}
