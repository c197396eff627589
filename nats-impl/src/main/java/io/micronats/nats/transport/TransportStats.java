package io.micronats.nats.transport;

/**
 * A snapshot of a {@link NatsTransport}'s counters of things that went wrong without an
 * exception reaching a caller.
 *
 * <p>Immutable.
 *
 * @param strangers messages on a listener's subject that were not micronats transport messages
 *     (no reply subject, unknown control value); ignored
 * @param unroutable messages for a socket that no longer exists; dropped, and the sender told
 * @param overflows sockets closed because their backlog of unconsumed messages (or bytes) was full, plus
 *     slow-consumer events of serve dispatchers (whose dropped requests time out at their callers)
 * @param handlerFailures accept or exchange handlers that threw; their connection was closed, the
 *     listener kept on
 * @param stale data messages on a socket whose sequence number was not above the last accepted
 *     (a duplicate, a replay, or a late copy); dropped, never taken for an answer
 * @param mismatched data messages on a socket without a valid sequence number, or answering a
 *     message its receiver never sent (injected by a stranger); dropped
 * @param refused accept-mode connections refused because every handler thread was busy
 *     ({@code accept.threads})
 * @param expired server sockets closed because nothing arrived for the idle timeout
 *     ({@code idle.timeout})
 */
public record TransportStats(long strangers, long unroutable, long overflows, long handlerFailures,
    long stale, long mismatched, long refused, long expired) {}
