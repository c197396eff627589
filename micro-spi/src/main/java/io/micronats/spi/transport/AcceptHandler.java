package io.micronats.spi.transport;

/**
 * The server side's callback for a new connection.
 *
 * <p>Called once per connection, on a thread the transport owns and dedicates to that
 * connection, so it may block (typically in a receive/send loop) until the socket closes.
 * Calls for different connections run concurrently. The transport closes the socket when the
 * handler returns. An exception thrown by the handler closes that socket only: the listener
 * keeps accepting.
 */
@FunctionalInterface
public interface AcceptHandler {

  /** Serves one connection. */
  void accept(Socket socket) throws Exception;
}
