package io.micronats.simulator.fleet;

import io.micronats.spi.broker.Broker;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transport, broker and registry of the implementation under test, created from the same
 * settings, so that with the NATS plugins they share one connection. A group of fake services
 * (or a group of load-generating clients) uses one set.
 *
 * <p>Thread-safe as the plugins are. {@link #close()} closes all three (idempotent as they are).
 */
public final class PluginSet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PluginSet.class);
  private final String label;
  private final int node;
  private final Transport transport;
  private final Broker broker;
  private final Registry registry;

  private PluginSet(String label, int node, Transport transport, Broker broker, Registry registry) {
    this.label = label;
    this.node = node;
    this.transport = transport;
    this.broker = broker;
    this.registry = registry;
  }

  /**
   * Creates the three plugins named {@code implementation} with {@code config} and connects the
   * broker.
   *
   * @throws IllegalArgumentException when no plugin has that name
   */
  public static PluginSet create(String implementation, PluginConfig config, String label, int node) {
    Transport transport = Plugins.transport(implementation, config);
    Broker broker = null;
    try {
      broker = Plugins.broker(implementation, config);
      broker.connect();
      Registry registry = Plugins.registry(implementation, config);
      return new PluginSet(label, node, transport, broker, registry);
    } catch (RuntimeException e) {
      transport.close();
      if (broker != null) {
        broker.close();
      }
      throw e;
    }
  }

  /** A name for logs ("fleet-3", "client-0"). */
  public String label() {
    return label;
  }

  /** The node index the set connects to. */
  public int node() {
    return node;
  }

  /** The transport. */
  public Transport transport() {
    return transport;
  }

  /** The broker (connected). */
  public Broker broker() {
    return broker;
  }

  /** The registry. */
  public Registry registry() {
    return registry;
  }

  @Override
  public void close() {
    closeQuietly(registry);
    closeQuietly(broker);
    closeQuietly(transport);
  }

  private void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("closing {} of {} failed: {}", c.getClass().getSimpleName(), label, e.toString());
    }
  }
}
