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
 * <p>Thread-safe as the plugins are. {@link #close()} closes all three (idempotent as they are);
 * {@link #crash()} closes them too, quietly, and marks the set crashed, the way a killed process
 * hosting them looks to the others.
 */
public final class PluginSet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PluginSet.class);
  private final String label;
  private final int node;
  private final Transport transport;
  private final Broker broker;
  private final Registry registry;
  private volatile boolean crashed;

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

  /** Whether {@link #crash()} was called: the plugins are closed and nothing may deregister through them. */
  public boolean crashed() {
    return crashed;
  }

  /**
   * Crashes the set: marks it crashed, then closes the registry, broker and transport (and with the
   * NATS plugins their shared connection) without deregistering anything; failures are logged at
   * debug level only. Idempotent.
   */
  public synchronized void crash() {
    if (crashed) {
      return;
    }
    crashed = true;
    closeQuietly(registry, true);
    closeQuietly(broker, true);
    closeQuietly(transport, true);
  }

  @Override
  public synchronized void close() {
    if (crashed) {
      return; // closed by the crash
    }
    closeQuietly(registry, false);
    closeQuietly(broker, false);
    closeQuietly(transport, false);
  }

  private void closeQuietly(AutoCloseable c, boolean crashing) {
    try {
      c.close();
    } catch (Exception e) {
      if (crashing) {
        LOG.debug("crashing {}: closing {} failed: {}", label, c.getClass().getSimpleName(), e.toString());
      } else {
        LOG.warn("closing {} of {} failed: {}", c.getClass().getSimpleName(), label, e.toString());
      }
    }
  }
}
