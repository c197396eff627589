package io.micronats.nats.internal;

import io.micronats.nats.connection.NatsConnectException;
import io.micronats.nats.connection.NatsConnections;
import io.micronats.nats.connection.NatsSettings;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;

/**
 * The single place where the transport, broker and registry obtain and give back jnats
 * connections: {@link NatsConnections}, with settings read from the plugin config.
 *
 * <p>Stateless and thread-safe. Every {@link #acquire} must be paired with one {@link #release}.
 */
public final class Connector {

  private Connector() {}

  /**
   * A connected jnats connection for {@code config} (shared per settings unless {@code shared=false}).
   *
   * @throws NatsConnectException when no server in {@code addresses} accepted the connection
   * @throws IllegalArgumentException naming the setting when the config is invalid
   */
  public static Connection acquire(PluginConfig config) {
    return NatsConnections.acquire(NatsSettings.from(config));
  }

  /** Gives back a connection obtained from {@link #acquire}; closed when no one else uses it. */
  public static void release(Connection connection) {
    NatsConnections.release(connection);
  }
}
