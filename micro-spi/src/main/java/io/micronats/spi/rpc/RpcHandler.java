package io.micronats.spi.rpc;

import io.micronats.spi.Message;

/**
 * The code behind one endpoint of an {@link RpcServer}: turns a request into a response.
 *
 * <p>Called on a transport thread, as the server's {@link io.micronats.spi.transport.ExchangeHandler}:
 * calls for one client connection come one at a time, calls for different connections may run
 * concurrently, so the handler must be thread-safe. It may block, but on a transport that runs
 * many connections' exchanges on one thread (NATS does, for speed) other requests wait behind it,
 * so a slow handler should be quick or hand its work elsewhere. It must not call back into the
 * server's lifecycle ({@code close()}). Whatever it throws becomes an error response
 * ({@value RpcHeaders#ERROR_CODE} 500) carrying the exception's text; the server keeps serving.
 */
@FunctionalInterface
public interface RpcHandler {

  /** Handles one request; the returned message is sent back as the response. */
  Message handle(Message request) throws Exception;
}
