package io.micronats.nats.connection;

import io.micronats.spi.MessagingException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * No connection to NATS could be made: every server was unreachable, refused the credentials, or
 * failed the TLS handshake within the connect timeout. The message names the URLs and the reason.
 *
 * <p>Immutable. Nothing was left open; retrying later is safe.
 */
public class NatsConnectException extends MessagingException {
  private static final long serialVersionUID = 1L;
  private final List<String> addresses;

  public NatsConnectException(String message, List<String> addresses, @Nullable Throwable cause) {
    super(message, cause);
    this.addresses = List.copyOf(addresses);
  }

  /** The server URLs that were tried (credentials in URLs removed). */
  public List<String> addresses() {
    return addresses;
  }
}
