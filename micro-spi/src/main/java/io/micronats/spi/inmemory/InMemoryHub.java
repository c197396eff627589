package io.micronats.spi.inmemory;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shared space in which in-memory transports, brokers and registries see each other: the
 * listeners by address, the broker subscriptions, and the registry's services.
 *
 * <p>Thread-safe. A hub owns no threads and needs no closing; the instances created on it own
 * their threads. Hubs made by {@link #named(String)} live as long as the JVM (one per namespace);
 * a hub made by {@link #create()} is private to the code holding it and is collected with it.
 *
 * <pre>{@code
 * InMemoryHub hub = InMemoryHub.create();            // isolated, for one test
 * Registry a = InMemoryRegistry.create(hub);
 * Registry b = InMemoryRegistry.create(hub);          // sees what a registers
 * Registry c = Plugins.registry("memory", PluginConfig.of("namespace", "shop"));  // hub "shop"
 * }</pre>
 */
public final class InMemoryHub {

  /** The namespace the plugin providers use when none is configured: {@value}. */
  public static final String DEFAULT_NAMESPACE = "default";

  private static final Map<String, InMemoryHub> NAMED = new ConcurrentHashMap<>();
  private static final AtomicLong PRIVATE_IDS = new AtomicLong();

  private final String namespace;
  private final AtomicLong ids = new AtomicLong();
  final Map<String, MemoryListener> listeners = new ConcurrentHashMap<>();
  final BrokerTopics topics = new BrokerTopics();
  final RegistryStore registry = new RegistryStore();

  private InMemoryHub(String namespace) {
    this.namespace = namespace;
  }

  /** The JVM-wide hub of {@code namespace}, created on first use. */
  public static InMemoryHub named(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    if (namespace.isBlank()) {
      throw new IllegalArgumentException("namespace must not be blank: '" + namespace + "'");
    }
    return NAMED.computeIfAbsent(namespace, InMemoryHub::new);
  }

  /** A new private hub that only the holder of the returned object can use. */
  public static InMemoryHub create() {
    return new InMemoryHub("private-" + PRIVATE_IDS.incrementAndGet());
  }

  /** The namespace name ({@code private-<n>} for a private hub). */
  public String namespace() {
    return namespace;
  }

  /** A number unique within this hub, for generated addresses and ids. */
  long nextId() {
    return ids.incrementAndGet();
  }

  @Override
  public String toString() {
    return "InMemoryHub[" + namespace + "]";
  }
}
