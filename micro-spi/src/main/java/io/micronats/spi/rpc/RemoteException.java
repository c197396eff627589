package io.micronats.spi.rpc;

import io.micronats.spi.MessagingException;

/**
 * The server answered a call with an error: its handler failed, or it has no such endpoint.
 *
 * <p>The request reached the server and was (at least partly) processed, so retrying is only safe
 * for idempotent calls. Immutable.
 */
public class RemoteException extends MessagingException {
  private static final long serialVersionUID = 1L;

  private final String service;
  private final String endpoint;
  private final int code;
  private final String remoteMessage;

  /** An error answer of {@code endpoint} of {@code service}, with the server's code and text. */
  public RemoteException(String service, String endpoint, int code, String remoteMessage) {
    super("call to service '" + service + "' endpoint '" + endpoint + "' failed remotely ("
        + code + "): " + remoteMessage);
    this.service = service;
    this.endpoint = endpoint;
    this.code = code;
    this.remoteMessage = remoteMessage;
  }

  /** The service called. */
  public String service() {
    return service;
  }

  /** The endpoint called. */
  public String endpoint() {
    return endpoint;
  }

  /** The error code: see {@link RpcHeaders#BAD_REQUEST}, {@link RpcHeaders#NOT_FOUND}, {@link RpcHeaders#INTERNAL_ERROR}. */
  public int code() {
    return code;
  }

  /** The error text the server sent. */
  public String remoteMessage() {
    return remoteMessage;
  }
}
