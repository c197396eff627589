package io.micronats.tck.mutants;

import io.micronats.spi.transport.Listener;

/** A listener that forwards everything to another. */
class ForwardingListener implements Listener {
  final Listener delegate;

  ForwardingListener(Listener delegate) {
    this.delegate = delegate;
  }

  @Override public String address() {
    return delegate.address();
  }

  @Override public boolean isOpen() {
    return delegate.isOpen();
  }

  @Override public void close() {
    delegate.close();
  }
}
