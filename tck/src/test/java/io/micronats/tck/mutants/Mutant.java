package io.micronats.tck.mutants;

import io.micronats.spi.broker.Broker;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.transport.Transport;
import io.micronats.tck.Capability;
import io.micronats.tck.Role;
import io.micronats.tck.TckTarget;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A deliberately broken implementation: the in-memory plugin with one role wrapped by a fault,
 * and the exact set of rule IDs the TCK must fail for it.
 *
 * @param name what is broken, for messages and the kill matrix
 * @param role the role that is broken (its contract is run)
 * @param alsoRpc whether the RPC contract is run as well
 * @param target builds the target in a fresh namespace
 * @param expected the rule IDs that must fail, and no others
 */
record Mutant(String name, Role role, boolean alsoRpc, Function<String, TckTarget> target, Set<String> expected) {

  static final Capability[] MEMORY_CAPABILITIES = {
      Capability.EXCLUSIVE_LISTEN, Capability.WILDCARD_SUBSCRIPTIONS, Capability.REGISTRY_TTL};

  Mutant {
    expected = Set.copyOf(expected);
  }

  /** A mutant whose transports are wrapped by {@code wrap}; other roles are plain memory. */
  static Mutant transport(String name, UnaryOperator<Transport> wrap, String... expected) {
    return new Mutant(name, Role.TRANSPORT, false, ns -> target(ns,
        () -> wrap.apply(Plugins.transport("memory", config(ns))), null, null), ids(expected));
  }

  /** A mutant whose brokers are wrapped by {@code wrap}. */
  static Mutant broker(String name, UnaryOperator<Broker> wrap, String... expected) {
    return new Mutant(name, Role.BROKER, false, ns -> target(ns,
        null, () -> wrap.apply(Plugins.broker("memory", config(ns))), null), ids(expected));
  }

  /** A mutant whose registries are wrapped by {@code wrap}. */
  static Mutant registry(String name, UnaryOperator<Registry> wrap, String... expected) {
    return new Mutant(name, Role.REGISTRY, false, ns -> target(ns,
        null, null, () -> wrap.apply(Plugins.registry("memory", config(ns)))), ids(expected));
  }

  /** A mutant with its own factory of the broken role (for example, instances that do not share state). */
  static Mutant custom(String name, Role role, Function<String, TckTarget> target, String... expected) {
    return new Mutant(name, role, false, target, ids(expected));
  }

  /** This mutant, also run through the RPC contract. */
  Mutant withRpc() {
    return new Mutant(name, role, true, target, expected);
  }

  static PluginConfig config(String namespace) {
    return PluginConfig.of(PluginConfig.NAMESPACE, namespace);
  }

  static TckTarget target(String ns, Supplier<Transport> t, Supplier<Broker> b, Supplier<Registry> r) {
    return TckTarget.of("mutant", t != null ? t : () -> Plugins.transport("memory", config(ns)),
        b != null ? b : () -> Plugins.broker("memory", config(ns)),
        r != null ? r : () -> Plugins.registry("memory", config(ns))).withCapabilities(MEMORY_CAPABILITIES);
  }

  private static Set<String> ids(String... ids) {
    return new TreeSet<>(Set.of(ids));
  }

  @Override
  public String toString() {
    return name;
  }
}
