package io.micronats.nats.cluster;

import io.micronats.spi.OperationTimeoutException;
import java.time.Duration;

/** Interest in a subject did not become visible on every server in time. Immutable. */
public class InterestTimeoutException extends OperationTimeoutException {
  private static final long serialVersionUID = 1L;

  public InterestTimeoutException(String what, Duration timeout) {
    super(what, timeout);
  }
}
