/**
 * micronats on NATS: the reference implementation of the three plugin roles, and local NATS
 * clusters to run them on.
 *
 * <ul>
 *   <li>{@link io.micronats.nats.transport.NatsTransport}: socket-like pseudo-connections over
 *       NATS subjects (plugin {@code nats}).</li>
 *   <li>{@link io.micronats.nats.broker.NatsBroker}: publish/subscribe on NATS subjects with queue
 *       groups, at-most-once (plugin {@code nats}).</li>
 *   <li>{@link io.micronats.nats.registry.NatsRegistry}: discovery by broadcast queries, with
 *       early completion, a watch-fed cache, TTLs and a go-micro wire profile (plugin
 *       {@code nats}).</li>
 *   <li>{@code io.micronats.nats.connection}: settings, credentials and the shared connections
 *       all three use; {@code io.micronats.nats.cluster}: local multi-node clusters.</li>
 * </ul>
 *
 * <p>Every role reads its connection settings ({@code addresses}, credentials, TLS) from the
 * {@link io.micronats.spi.plugin.PluginConfig} it is created with, plus role-specific keys
 * documented on each class.
 */
@NullMarked
package io.micronats.nats;

import org.jspecify.annotations.NullMarked;
