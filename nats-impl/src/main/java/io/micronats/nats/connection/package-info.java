/**
 * NATS client connections: settings from a {@link io.micronats.spi.plugin.PluginConfig} or
 * environment variables ({@link io.micronats.nats.connection.NatsSettings}), one shared
 * reference-counted connection per distinct settings per process
 * ({@link io.micronats.nats.connection.NatsConnections}), and connection events logged through
 * SLF4J and counted ({@link io.micronats.nats.connection.ConnectionStats}).
 */
@NullMarked
package io.micronats.nats.connection;

import org.jspecify.annotations.NullMarked;
