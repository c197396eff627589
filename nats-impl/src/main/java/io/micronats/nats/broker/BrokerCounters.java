package io.micronats.nats.broker;

import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link BrokerStats}. Thread-safe. */
final class BrokerCounters {
  final LongAdder published = new LongAdder();
  final LongAdder delivered = new LongAdder();
  final LongAdder dropped = new LongAdder();
  final LongAdder malformed = new LongAdder();
  final LongAdder handlerFailures = new LongAdder();
  final LongAdder reconnects = new LongAdder();

  BrokerStats snapshot() {
    return new BrokerStats(published.sum(), delivered.sum(), dropped.sum(), handlerFailures.sum(), reconnects.sum(),
        malformed.sum());
  }
}
