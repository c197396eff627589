package io.micronats.spi.plugin;

import io.micronats.spi.broker.Broker;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.transport.Transport;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Finds Transport, Broker and Registry plugins by name through {@link ServiceLoader}.
 *
 * <pre>{@code
 * Transport transport = Plugins.transport("nats", PluginConfig.of("addresses", "nats://127.0.0.1:4222"));
 * Registry registry = Plugins.registryFromEnvironment("memory");  // MICRO_REGISTRY=nats ...
 * }</pre>
 *
 * <p>Stateless and thread-safe; every call creates a new instance.
 */
public final class Plugins {

  private Plugins() {}

  /** A new transport from the provider named {@code name} on the context class loader. */
  public static Transport transport(String name, PluginConfig config) {
    return find(TransportProvider.class, TransportProvider::name, name, loader()).create(config);
  }

  /** A new broker (not yet connected) from the provider named {@code name}. */
  public static Broker broker(String name, PluginConfig config) {
    return find(BrokerProvider.class, BrokerProvider::name, name, loader()).create(config);
  }

  /** A new registry from the provider named {@code name}. */
  public static Registry registry(String name, PluginConfig config) {
    return find(RegistryProvider.class, RegistryProvider::name, name, loader()).create(config);
  }

  /**
   * The transport named by {@code MICRO_TRANSPORT} (else {@code defaultName}), configured from
   * the {@code MICRO_TRANSPORT_*} variables.
   */
  public static Transport transportFromEnvironment(String defaultName) {
    Map<String, String> env = System.getenv();
    return transport(env.getOrDefault("MICRO_TRANSPORT", defaultName), PluginConfig.fromEnvironment("transport", env));
  }

  /** The broker named by {@code MICRO_BROKER} (else {@code defaultName}), configured from {@code MICRO_BROKER_*}. */
  public static Broker brokerFromEnvironment(String defaultName) {
    Map<String, String> env = System.getenv();
    return broker(env.getOrDefault("MICRO_BROKER", defaultName), PluginConfig.fromEnvironment("broker", env));
  }

  /** The registry named by {@code MICRO_REGISTRY} (else {@code defaultName}), configured from {@code MICRO_REGISTRY_*}. */
  public static Registry registryFromEnvironment(String defaultName) {
    Map<String, String> env = System.getenv();
    return registry(env.getOrDefault("MICRO_REGISTRY", defaultName), PluginConfig.fromEnvironment("registry", env));
  }

  /**
   * The provider of type {@code type} named {@code name}, loaded through {@code loader}.
   *
   * @throws IllegalArgumentException when no provider has that name; the message lists those that exist
   */
  public static <P> P find(Class<P> type, Function<P, String> nameOf, String name, ClassLoader loader) {
    Objects.requireNonNull(name, "plugin name");
    List<P> providers = providers(type, loader);
    for (P provider : providers) {
      if (nameOf.apply(provider).equals(name)) {
        return provider;
      }
    }
    TreeSet<String> names = new TreeSet<>();
    providers.forEach(p -> names.add(nameOf.apply(p)));
    throw new IllegalArgumentException("no " + type.getSimpleName() + " named '" + name
        + "' on the class path; available: " + names);
  }

  /** Every provider of {@code type} visible to {@code loader}. */
  public static <P> List<P> providers(Class<P> type, ClassLoader loader) {
    return ServiceLoader.load(type, loader).stream().map(ServiceLoader.Provider::get).toList();
  }

  private static ClassLoader loader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : Plugins.class.getClassLoader();
  }
}
