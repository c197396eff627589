package io.micronats.spi.rpc;

import io.micronats.spi.Message;

/**
 * The code behind one endpoint of an {@link RpcServer}: turns a request into a response.
 *
 * <p>Called on a transport thread dedicated to the client connection the request came on, so
 * calls for different connections run concurrently and the handler must be thread-safe; calls on
 * one connection come one at a time. It may block (the connection waits). It must not call back
 * into the server's lifecycle ({@code close()}). Whatever it throws becomes an error response
 * ({@value RpcHeaders#ERROR_CODE} 500) carrying the exception's text; the server keeps serving.
 */
@FunctionalInterface
public interface RpcHandler {

  /** Handles one request; the returned message is sent back as the response. */
  Message handle(Message request) throws Exception;
}
