package io.micronats.nats.cluster;

import io.micronats.spi.MessagingException;
import org.jspecify.annotations.Nullable;

/**
 * The Testcontainers backend cannot run: no Docker engine answers, or Testcontainers is not on
 * the class path. Tests should turn it into a skipped assumption. Immutable.
 */
public class DockerUnavailableException extends MessagingException {
  private static final long serialVersionUID = 1L;

  public DockerUnavailableException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
