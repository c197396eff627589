/**
 * The NATS broker: publish/subscribe on NATS subjects, with queue groups and NATS headers.
 *
 * <p>Delivery is at-most-once: a message published while a subscriber is disconnected, or dropped
 * because the subscriber is too slow, is lost. Drops are never silent: they are counted and
 * reported to the subscription's {@link io.micronats.spi.broker.ErrorHandler}.
 */
@NullMarked
package io.micronats.nats.broker;

import org.jspecify.annotations.NullMarked;
