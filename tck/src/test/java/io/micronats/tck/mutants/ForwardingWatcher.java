package io.micronats.tck.mutants;

import io.micronats.spi.registry.WatchEvent;
import io.micronats.spi.registry.Watcher;
import java.time.Duration;
import java.util.Optional;

/** A watcher that forwards to another. */
class ForwardingWatcher implements Watcher {
  final Watcher delegate;

  ForwardingWatcher(Watcher delegate) {
    this.delegate = delegate;
  }

  @Override public Optional<WatchEvent> next(Duration timeout) throws InterruptedException {
    return delegate.next(timeout);
  }

  @Override public void stop() {
    delegate.stop();
  }
}
