package io.micronats.nats.registry;

import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link RegistryStats}. Thread-safe. */
final class RegistryCounters {
  final LongAdder queriesAnswered = new LongAdder();
  final LongAdder lookups = new LongAdder();
  final LongAdder cacheHits = new LongAdder();
  final LongAdder strangers = new LongAdder();
  final LongAdder expiredRemote = new LongAdder();
  final LongAdder expiredLocal = new LongAdder();
  final LongAdder refused = new LongAdder();
  final LongAdder queriesComplete = new LongAdder();
  final LongAdder queriesWindow = new LongAdder();
  final LongAdder queriesIncomplete = new LongAdder();

  RegistryStats snapshot(long remoteNodesDropped, int remoteNodes) {
    return new RegistryStats(queriesAnswered.sum(), lookups.sum(), cacheHits.sum(), strangers.sum(),
        expiredRemote.sum(), expiredLocal.sum(), refused.sum(), queriesComplete.sum(), queriesWindow.sum(),
        queriesIncomplete.sum(), remoteNodes, remoteNodesDropped);
  }
}
