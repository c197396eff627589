package io.micronats.nats.transport;

import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link TransportStats}. Thread-safe. */
final class Counters {
  private final LongAdder strangers = new LongAdder();
  private final LongAdder unroutable = new LongAdder();
  private final LongAdder overflows = new LongAdder();
  private final LongAdder handlerFailures = new LongAdder();
  private final LongAdder stale = new LongAdder();
  private final LongAdder mismatched = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder expired = new LongAdder();

  void stranger() {
    strangers.increment();
  }

  void unroutable() {
    unroutable.increment();
  }

  void overflow() {
    overflows.increment();
  }

  void handlerFailure() {
    handlerFailures.increment();
  }

  void stale() {
    stale.increment();
  }

  void mismatched() {
    mismatched.increment();
  }

  void refused() {
    refused.increment();
  }

  void expired() {
    expired.increment();
  }

  TransportStats snapshot() {
    return new TransportStats(strangers.sum(), unroutable.sum(), overflows.sum(), handlerFailures.sum(),
        stale.sum(), mismatched.sum(), refused.sum(), expired.sum());
  }
}
