package io.micronats.spi.registry;

import java.util.List;

/**
 * A registry: service discovery. Services register their nodes; clients look them up or watch.
 *
 * <p>Thread-safe. A service is identified by its (name, version) pair, and a node inside it by
 * its id. Registering merges nodes into what is known; deregistering removes the given nodes,
 * and the service disappears with its last node.
 *
 * <pre>{@code
 * try (Registry registry = Plugins.registry("memory", PluginConfig.empty())) {
 *   Service greeter = Service.of("greeter", "1.0.0", Node.of("greeter-1", "inbox.greeter-1"));
 *   registry.register(greeter, RegisterOptions.ttl(Duration.ofSeconds(30)));
 *   List<Service> found = registry.getService("greeter");
 * }
 * }</pre>
 *
 * <p>Unlike go-micro's NATS registry, an unknown name is an error, not an empty list, and an
 * unreachable backend is an error, not an empty success.
 */
public interface Registry extends AutoCloseable {

  /** The implementation's name, as its plugin provider reports it. */
  String name();

  /**
   * Registers (or refreshes) a service's nodes. With a TTL, the nodes expire unless registered
   * again before it runs out.
   *
   * @throws io.micronats.spi.RegistryException when the backend cannot be reached
   */
  void register(Service service, RegisterOptions options);

  /** Registers without a TTL: the nodes stay until deregistered. */
  default void register(Service service) {
    register(service, RegisterOptions.defaults());
  }

  /**
   * Removes the nodes of {@code service} (matched by name, version and node id).
   *
   * @throws io.micronats.spi.RegistryException when the backend cannot be reached
   */
  void deregister(Service service);

  /**
   * Every version of the named service, each with its live nodes.
   *
   * @throws IllegalArgumentException when the name is invalid
   * @throws io.micronats.spi.ServiceNotFoundException when no service of that name is registered
   *     (a version whose last node was deregistered or expired is gone; a version registered
   *     with no nodes at all is listed, with an empty node list, until deregistered)
   * @throws io.micronats.spi.RegistryException when the backend cannot be reached
   */
  List<Service> getService(String name);

  /** Every registered service (name and version; nodes may be omitted). Empty when none. */
  List<Service> listServices();

  /** Watches every service. */
  Watcher watch();

  /** Watches the named service only. */
  Watcher watch(String service);

  /** Stops every watcher and releases resources; does not deregister. Idempotent. */
  @Override
  void close();
}
