package io.micronats.tck;

import io.micronats.spi.broker.Broker;
import io.micronats.spi.plugin.BrokerProvider;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.plugin.RegistryProvider;
import io.micronats.spi.plugin.TransportProvider;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.transport.Transport;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the TCK verifies: factories of fresh Transport, Broker and Registry instances that share
 * one backend, the capabilities the implementation declares, and an optional
 * {@link BackendControl}.
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return copies. Each {@code new...}
 * call must return a new, independent instance; instances made by one target must see each other
 * (a listener of one transport is dialable from another, and so on), which is what the
 * cross-instance rules check.
 *
 * <pre>{@code
 * TckTarget target = TckTarget.plugin("memory", PluginConfig.of("namespace", "tck"))
 *     .withCapabilities(Capability.REGISTRY_TTL, Capability.WILDCARD_SUBSCRIPTIONS);
 * }</pre>
 *
 * <p>Not a plugin provider: it wraps one ({@link #plugin}) or any factories ({@link #of}).
 */
public final class TckTarget {

  private final String name;
  private final @Nullable Supplier<Transport> transports;
  private final @Nullable Supplier<Broker> brokers;
  private final @Nullable Supplier<Registry> registries;
  private final Set<Capability> capabilities;
  private final @Nullable BackendControl backend;

  private TckTarget(String name, @Nullable Supplier<Transport> transports, @Nullable Supplier<Broker> brokers,
      @Nullable Supplier<Registry> registries, Set<Capability> capabilities, @Nullable BackendControl backend) {
    this.name = Objects.requireNonNull(name, "name");
    this.transports = transports;
    this.brokers = brokers;
    this.registries = registries;
    this.capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(capabilities);
    this.backend = backend;
  }

  /**
   * The plugin named {@code name}, found through {@link java.util.ServiceLoader} on the context
   * class loader, configured with {@code config}. Roles the plugin does not provide are skipped.
   */
  public static TckTarget plugin(String name, PluginConfig config) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return plugin(name, config, loader != null ? loader : TckTarget.class.getClassLoader());
  }

  /** The plugin named {@code name} with an empty configuration. */
  public static TckTarget plugin(String name) {
    return plugin(name, PluginConfig.empty());
  }

  /** The plugin named {@code name}, found through {@code loader}. */
  public static TckTarget plugin(String name, PluginConfig config, ClassLoader loader) {
    Objects.requireNonNull(config, "config");
    Optional<TransportProvider> t = provider(TransportProvider.class, TransportProvider::name, name, loader);
    Optional<BrokerProvider> b = provider(BrokerProvider.class, BrokerProvider::name, name, loader);
    Optional<RegistryProvider> r = provider(RegistryProvider.class, RegistryProvider::name, name, loader);
    if (t.isEmpty() && b.isEmpty() && r.isEmpty()) {
      throw new IllegalArgumentException("no transport, broker or registry provider named '" + name
          + "' on the class path (providers are listed in META-INF/services/io.micronats.spi.plugin.*Provider)");
    }
    return new TckTarget(name,
        t.<Supplier<Transport>>map(p -> () -> p.create(config)).orElse(null),
        b.<Supplier<Broker>>map(p -> () -> p.create(config)).orElse(null),
        r.<Supplier<Registry>>map(p -> () -> p.create(config)).orElse(null),
        Set.of(), null);
  }

  /** Any factories; a {@code null} factory means the role is not provided (its rules are skipped). */
  public static TckTarget of(String name, @Nullable Supplier<Transport> transports, @Nullable Supplier<Broker> brokers,
      @Nullable Supplier<Registry> registries) {
    return new TckTarget(name, transports, brokers, registries, Set.of(), null);
  }

  private static <P> Optional<P> provider(Class<P> type, java.util.function.Function<P, String> nameOf, String name,
      ClassLoader loader) {
    return Plugins.providers(type, loader).stream().filter(p -> nameOf.apply(p).equals(name)).findFirst();
  }

  /** A copy declaring exactly these capabilities. */
  public TckTarget withCapabilities(Capability... declared) {
    Set<Capability> set = declared.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(declared));
    return new TckTarget(name, transports, brokers, registries, set, backend);
  }

  /** A copy declaring exactly these capabilities. */
  public TckTarget withCapabilities(Set<Capability> declared) {
    return new TckTarget(name, transports, brokers, registries, declared, backend);
  }

  /** A copy with a backend control, needed by {@link Capability#BACKEND_RESTART}. */
  public TckTarget withBackendControl(BackendControl control) {
    return new TckTarget(name, transports, brokers, registries, capabilities, Objects.requireNonNull(control));
  }

  /** The implementation's name, shown in reports. */
  public String name() {
    return name;
  }

  /** The declared capabilities. */
  public Set<Capability> capabilities() {
    return capabilities;
  }

  /** The backend control, if supplied. */
  public Optional<BackendControl> backendControl() {
    return Optional.ofNullable(backend);
  }

  /** True when the target provides this role. */
  public boolean provides(Role role) {
    return switch (role) {
      case TRANSPORT -> transports != null;
      case BROKER -> brokers != null;
      case REGISTRY -> registries != null;
    };
  }

  /** A new transport. @throws IllegalStateException when the role is not provided */
  public Transport newTransport() {
    return create(transports, Role.TRANSPORT);
  }

  /** A new, not yet connected broker. @throws IllegalStateException when the role is not provided */
  public Broker newBroker() {
    return create(brokers, Role.BROKER);
  }

  /** A new registry. @throws IllegalStateException when the role is not provided */
  public Registry newRegistry() {
    return create(registries, Role.REGISTRY);
  }

  private <T> T create(@Nullable Supplier<T> factory, Role role) {
    if (factory == null) {
      throw new IllegalStateException(name + " provides no " + role.name().toLowerCase(java.util.Locale.ROOT));
    }
    return Objects.requireNonNull(factory.get(), () -> name + "'s " + role + " factory returned null");
  }

  @Override
  public String toString() {
    return "TckTarget[" + name + ", capabilities=" + capabilities + "]";
  }
}
