package io.micronats.nats.transport.gomicro;

/**
 * A snapshot of a {@link GoMicroTransport}'s counters.
 *
 * <p>Immutable.
 *
 * @param accepted pseudo-connections accepted (a reply subject not seen before, or seen again
 *     after its socket ended)
 * @param malformed payloads dropped because they were not a go-micro envelope (or were over
 *     {@code envelope.max.bytes}); the listener or socket kept working
 * @param unroutable messages to a listener without a reply subject (no one could be answered)
 * @param refused messages dropped because a listener already held {@code listener.max.connections}
 *     connections, or a socket's queue held {@code socket.max.pending} messages
 * @param expired server sockets ended locally after {@code idle.timeout} without a message
 * @param noResponders NATS "no responders" statuses received by dialled sockets
 */
public record GoMicroTransportStats(long accepted, long malformed, long unroutable, long refused, long expired,
    long noResponders) {}
