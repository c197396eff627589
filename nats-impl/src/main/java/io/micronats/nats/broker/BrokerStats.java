package io.micronats.nats.broker;

/**
 * A snapshot of a {@link NatsBroker}'s counters.
 *
 * <p>Immutable.
 *
 * @param published messages handed to NATS by {@code publish}
 * @param delivered messages handed to subscription handlers
 * @param dropped messages the client library dropped because a subscription was a slow consumer
 * @param handlerFailures handler calls that threw (reported to the error handler)
 * @param reconnects times {@code connect()} replaced a connection the client library had given up on
 * @param malformed messages dropped because their NATS header block was malformed (raw protocol
 *     from a stranger, repaired by the connection's inbound guard); each reported to the error handler
 */
public record BrokerStats(long published, long delivered, long dropped, long handlerFailures, long reconnects,
    long malformed) {}
