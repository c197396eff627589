package io.micronats.spi.rpc;

import io.micronats.spi.registry.Node;
import java.util.List;

/**
 * Picks the node of a service that an {@link RpcClient} calls.
 *
 * <p>Called on the caller's thread, concurrently from many threads, once per attempt: it must be
 * thread-safe, fast, and must not block or call the client. {@code nodes} is never empty and is
 * in a stable order (the registry's); on a retry it excludes the nodes that already failed.
 * Ready-made selectors are in {@link Selectors}.
 */
@FunctionalInterface
public interface Selector {

  /** One of {@code nodes}. */
  Node select(String service, List<Node> nodes);
}
