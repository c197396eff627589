package io.micronats.tck.mutants;

import io.micronats.spi.transport.AcceptHandler;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.micronats.spi.transport.Transport;
import java.time.Duration;

/**
 * A transport that forwards to another and lets a broken implementation wrap what passes
 * through: client sockets ({@link #client}), accepted sockets ({@link #server}), handlers and
 * listeners.
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
