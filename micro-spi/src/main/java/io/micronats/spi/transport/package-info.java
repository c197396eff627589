/**
 * The Transport role: synchronous, socket-like request/response.
 *
 * <p>A server calls {@link io.micronats.spi.transport.Transport#listen} and gets a
 * {@link io.micronats.spi.transport.Listener}; its
 * {@link io.micronats.spi.transport.AcceptHandler} receives a
 * {@link io.micronats.spi.transport.Socket} per client connection. A client calls
 * {@link io.micronats.spi.transport.Transport#dial} and gets its own socket. Both ends send and
 * receive {@link io.micronats.spi.Message}s, in order, and see each other's close.
 *
 * <p>A server whose connections carry unary exchanges (one reply per request, as the RPC layer's)
 * can call {@link io.micronats.spi.transport.Transport#serve} with an
 * {@link io.micronats.spi.transport.ExchangeHandler} instead: clients dial and use sockets exactly
 * as before, but the transport answers requests without a thread per connection when it can (the
 * default implementation falls back to {@code listen} with a receive/send loop, so every
 * transport supports it).
 *
 * <p>The rules an implementation must keep are the {@code TRN-nnn} rules of the micronats TCK.
 */
@NullMarked
package io.micronats.spi.transport;

import org.jspecify.annotations.NullMarked;
