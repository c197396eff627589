package io.micronats.nats.registry;

/**
 * A snapshot of a {@link NatsRegistry}'s counters.
 *
 * <p>Immutable.
 *
 * @param queriesAnswered queries from other instances (or this one) answered
 * @param lookups getService calls
 * @param cacheHits lookups answered from the watch-fed cache
 * @param strangers messages on the query or watch subject, or replies, that were not valid
 *     registry messages (random bytes, invalid JSON, oversized, missing reply subject); ignored
 * @param expiredRemote nodes of other instances that watchers saw expire because their
 *     heartbeats stopped
 * @param expiredLocal nodes registered here that expired because they were not registered again
 * @param refused valid go-micro messages (answers, events, queries) holding a value micronats
 *     refuses ({@link UnsupportedValueException}); a lookup of such a service throws, list and
 *     watch leave it out
 * @param queriesComplete queries this registry sent that ended known complete
 * @param queriesWindow queries that waited the whole window (a go-micro answerer, or no answer)
 * @param queriesIncomplete queries whose window ran out while a known micronats instance had
 *     not delivered all its replies: their answer may be incomplete (a loaded host, or an
 *     instance gone without a delete)
 * @param remoteNodes nodes of other instances remembered now (bounded by {@code remote.max.nodes})
 * @param remoteNodesDropped nodes others announced that were not remembered because the bound was reached
 */
public record RegistryStats(long queriesAnswered, long lookups, long cacheHits, long strangers,
    long expiredRemote, long expiredLocal, long refused, long queriesComplete, long queriesWindow,
    long queriesIncomplete, long remoteNodes, long remoteNodesDropped) {}
