package io.micronats.tck.mutants;

import io.micronats.spi.transport.AcceptHandler;
import io.micronats.spi.transport.ExchangeHandler;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.micronats.spi.transport.Transport;
import java.time.Duration;

/**
 * A transport that forwards to another and lets a broken implementation wrap what passes
 * through: client sockets ({@link #client}), accepted sockets ({@link #server}), handlers,
 * exchange handlers ({@link #exchange}) and listeners.
 *
 * <p>{@code serve} is forwarded to the delegate's own {@code serve} on purpose (as an
 * implementation that overrides it, like NATS, would behave), so the accept-handler and
 * server-socket hooks do not see served connections; a mutant that wants them to goes through
 * {@link #serveByListening}.
 */
class ForwardingTransport implements Transport {
  final Transport delegate;

  ForwardingTransport(Transport delegate) {
    this.delegate = delegate;
  }

  Socket client(Socket socket) {
    return socket;
  }

  Socket server(Socket socket) {
    return socket;
  }

  AcceptHandler handler(AcceptHandler handler) {
    return handler;
  }

  Listener listener(Listener listener) {
    return listener;
  }

  ExchangeHandler exchange(ExchangeHandler handler) {
    return handler;
  }

  /** Serves through this transport's own {@link #listen} (the SPI's default), so every hook applies. */
  final Listener serveByListening(String address, ExchangeHandler handler) {
    return address == null ? Transport.super.serve(handler) : Transport.super.serve(address, handler);
  }

  private AcceptHandler wrapped(AcceptHandler handler) {
    if (handler == null) {
      return null;
    }
    AcceptHandler inner = handler(handler);
    return socket -> inner.accept(server(socket));
  }

  @Override public String name() {
    return delegate.name();
  }

  @Override public Listener listen(String address, AcceptHandler handler) {
    return listener(delegate.listen(address, wrapped(handler)));
  }

  @Override public Listener listen(AcceptHandler handler) {
    return listener(delegate.listen(wrapped(handler)));
  }

  @Override public Listener serve(String address, ExchangeHandler handler) {
    return listener(delegate.serve(address, handler == null ? null : exchange(handler)));
  }

  @Override public Listener serve(ExchangeHandler handler) {
    return listener(delegate.serve(handler == null ? null : exchange(handler)));
  }

  @Override public Socket dial(String address, Duration timeout) {
    return client(delegate.dial(address, timeout));
  }

  @Override public long maxPayloadBytes() {
    return delegate.maxPayloadBytes();
  }

  @Override public void close() {
    delegate.close();
  }
}
