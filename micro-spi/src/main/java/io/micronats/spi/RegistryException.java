package io.micronats.spi;

import org.jspecify.annotations.Nullable;

/**
 * A registry operation failed, for example because its backend is unreachable.
 *
 * <p>A registry never reports an unreachable backend as an empty success; it throws this instead.
 */
public class RegistryException extends MessagingException {
  private static final long serialVersionUID = 1L;

  public RegistryException(String message) {
    super(message);
  }

  public RegistryException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
