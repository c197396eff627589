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
 */
public record BrokerStats(long published, long delivered, long dropped, long handlerFailures, long reconnects) {}
