package io.micronats.spi;

import org.jspecify.annotations.Nullable;

/**
 * The registry knows no service of the requested name.
 *
 * <p>Thrown by {@code Registry.getService} and by the RPC client, whose message names the service.
 * go-micro's NATS registry returned an empty list instead; micronats is strict.
 */
public class ServiceNotFoundException extends RegistryException {
  private static final long serialVersionUID = 1L;

  public ServiceNotFoundException(String message) {
    super(message);
  }

  public ServiceNotFoundException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
