package io.micronats.spi.rpc;

/**
 * The header names of the RPC wire protocol (see the package documentation).
 *
 * <p>Constants only; thread-safe.
 */
public final class RpcHeaders {

  /** On a request: the name of the endpoint to call, for example {@code Greeter.Hello}. */
  public static final String ENDPOINT = "Micro-Endpoint";
  /** On a failed response: the error text, printable ASCII, at most 1000 characters. */
  public static final String ERROR = "Micro-Error";
  /** On a failed response: 400 (no endpoint header), 404 (unknown endpoint) or 500 (handler failed). */
  public static final String ERROR_CODE = "Micro-Error-Code";

  /** {@value #ERROR_CODE} of a request without an {@value #ENDPOINT} header. */
  public static final int BAD_REQUEST = 400;
  /** {@value #ERROR_CODE} of a request naming an endpoint the service does not have. */
  public static final int NOT_FOUND = 404;
  /** {@value #ERROR_CODE} of a request whose handler failed. */
  public static final int INTERNAL_ERROR = 500;

  private RpcHeaders() {}
}
