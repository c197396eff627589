/**
 * The Broker role: asynchronous publish/subscribe.
 *
 * <p>{@link io.micronats.spi.broker.Broker#publish} sends a {@link io.micronats.spi.Message} to a
 * topic; {@link io.micronats.spi.broker.Broker#subscribe} attaches an
 * {@link io.micronats.spi.broker.EventHandler}, optionally in a queue group
 * ({@link io.micronats.spi.broker.SubscribeOptions}), and returns a
 * {@link io.micronats.spi.broker.Subscription}. Handler failures go to an
 * {@link io.micronats.spi.broker.ErrorHandler}, never back to the publisher.
 *
 * <p>The rules an implementation must keep are the {@code BRK-nnn} rules of the micronats TCK.
 */
@NullMarked
package io.micronats.spi.broker;

import org.jspecify.annotations.NullMarked;
