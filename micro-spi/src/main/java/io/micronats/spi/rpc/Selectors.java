package io.micronats.spi.rpc;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The standard {@link Selector}s: random and round-robin.
 *
 * <p>Thread-safe; each call of a factory method returns a new, independent selector.
 */
public final class Selectors {

  private Selectors() {}

  /** Picks a node uniformly at random (go-micro's default). */
  public static Selector random() {
    return (service, nodes) -> nodes.get(ThreadLocalRandom.current().nextInt(nodes.size()));
  }

  /** Takes the nodes of each service in turn. */
  public static Selector roundRobin() {
    ConcurrentHashMap<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    return (service, nodes) -> {
      AtomicInteger counter = counters.computeIfAbsent(service, s -> new AtomicInteger());
      return nodes.get(Math.floorMod(counter.getAndIncrement(), nodes.size()));
    };
  }

  /** Always the first node; for tests and for deliberately sticky clients. */
  public static Selector first() {
    return (service, nodes) -> nodes.get(0);
  }
}
