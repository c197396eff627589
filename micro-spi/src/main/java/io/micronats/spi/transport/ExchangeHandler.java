package io.micronats.spi.transport;

import io.micronats.spi.Message;
import io.micronats.spi.PayloadTooLargeException;

/**
 * The server side's callback for a unary exchange: it turns each request message that arrives on
 * a connection into exactly one reply, which the transport sends back on the same connection.
 * Given to {@link Transport#serve(String, ExchangeHandler)}.
 *
 * <p>Callback contract:
 * <ul>
 *   <li>Thread: called on a thread the transport owns. Requests of one connection are handed over
 *       one at a time, in the order they arrived, and their replies leave in that order. Requests
 *       of different connections may be handled concurrently, so the handler must be thread-safe;
 *       they may also share one thread (the NATS transport runs the exchanges of many connections
 *       on one dispatcher thread), so a handler should return quickly: while it blocks, other
 *       connections' requests may wait behind it.
 *   <li>Re-entrance: it may use the transport (dial, send on other sockets) and may close the
 *       listener; it never sees the connection's socket.
 *   <li>Failure: if it throws (or returns {@code null}), no reply is sent and that connection is
 *       closed, so its client sees the connection end; the listener keeps serving the others.
 *   <li>Too large: if the reply does not fit {@link Transport#maxPayloadBytes()}, the transport
 *       calls {@link #replyTooLarge} and sends what it returns instead.
 * </ul>
 *
 * <p>Not an {@link AcceptHandler}: it never owns a connection, so the transport needs no thread
 * per connection.
 */
@FunctionalInterface
public interface ExchangeHandler {

  /** The reply to {@code request}. */
  Message exchange(Message request) throws Exception;

  /**
   * The message to send instead of a reply that was too large to send; by default rethrows
   * {@code failure}, which closes the connection as a failing {@link #exchange} does.
   */
  default Message replyTooLarge(Message request, PayloadTooLargeException failure) {
    throw failure;
  }
}
