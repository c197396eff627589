package io.micronats.nats.broker.gomicro;

import io.micronats.nats.broker.BrokerStats;

/**
 * A snapshot of a {@link GoMicroBroker}'s counters.
 *
 * <p>Immutable.
 *
 * @param nats the counters of the NATS broker underneath (its {@code delivered} counts payloads,
 *     envelopes or not)
 * @param decoded envelopes decoded and handed to a handler
 * @param malformed payloads dropped because they were not a go-micro envelope (not JSON, no
 *     {@code Header}/{@code Body}, a body not base64, or over {@code envelope.max.bytes}); each
 *     reported to the subscription's error handler, the handler was not called
 * @param handlerFailures handler calls that threw (reported to the error handler)
 */
public record GoMicroBrokerStats(BrokerStats nats, long decoded, long malformed, long handlerFailures) {}
