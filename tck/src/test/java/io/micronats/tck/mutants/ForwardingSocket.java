package io.micronats.tck.mutants;

import io.micronats.spi.Message;
import io.micronats.spi.transport.Socket;
import java.time.Duration;

/** A socket that forwards everything to another; broken implementations override what they break. */
class ForwardingSocket implements Socket {
  final Socket delegate;

  ForwardingSocket(Socket delegate) {
    this.delegate = delegate;
  }

  @Override public void send(Message message) {
    delegate.send(message);
  }

  @Override public Message receive(Duration timeout) throws InterruptedException {
    return delegate.receive(timeout);
  }

  @Override public String localAddress() {
    return delegate.localAddress();
  }

  @Override public String remoteAddress() {
    return delegate.remoteAddress();
  }

  @Override public boolean isOpen() {
    return delegate.isOpen();
  }

  @Override public void close() {
    delegate.close();
  }
}
