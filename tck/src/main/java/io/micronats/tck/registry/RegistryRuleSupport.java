package io.micronats.tck.registry;

import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.WatchEvent;
import io.micronats.spi.registry.Watcher;
import io.micronats.tck.RuleGroup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Helpers shared by the registry rule classes: lookups summarised as version-to-node-ids maps,
 * waiting for a registry to show a state, and reading watch events.
 *
 * <p>One instance per rule test, like every {@link RuleGroup}.
 */
public abstract class RegistryRuleSupport extends RuleGroup {

  /** A service with one node per id in {@code nodeIds}, each at a distinct address. */
  protected static Service service(String name, String version, String... nodeIds) {
    return Service.of(name, version, java.util.Arrays.stream(nodeIds).map(id -> Node.of(id, "addr." + id)).toArray(Node[]::new));
  }

  /** What {@code registry} knows of {@code name} as version to sorted node ids; empty when not found. */
  protected static Map<String, Set<String>> summary(Registry registry, String name) {
    List<Service> found;
    try {
      found = registry.getService(name);
    } catch (ServiceNotFoundException e) {
      return Map.of();
    }
    Map<String, Set<String>> out = new TreeMap<>();
    for (Service s : found) {
      Set<String> ids = out.computeIfAbsent(s.version(), v -> new TreeSet<>());
      s.nodes().forEach(n -> ids.add(n.id()));
    }
    return out;
  }

  /** The node lists per version as returned, duplicates kept, for duplicate checks. */
  protected static Map<String, List<String>> rawNodes(Registry registry, String name) {
    try {
      return registry.getService(name).stream().collect(Collectors.toMap(Service::version,
          s -> s.nodes().stream().map(Node::id).toList(), (a, b) -> {
            throw new AssertionError("expected one Service per version, but version appeared twice");
          }, TreeMap::new));
    } catch (ServiceNotFoundException e) {
      return Map.of();
    }
  }

  /** Waits until {@code registry} shows {@code expected} for {@code name} (empty map: not found). */
  protected final void awaitSummary(Registry registry, String name, Map<String, Set<String>> expected, String who)
      throws InterruptedException {
    env().awaitTrue(who + " to show " + (expected.isEmpty() ? "no service" : "versions to node ids " + expected)
        + " for '" + name + "'", () -> summary(registry, name).equals(expected),
        () -> "it showed " + summary(registry, name));
  }

  /** The next watch event within the wait timeout. @throws AssertionError when none came */
  protected final WatchEvent nextEvent(Watcher watcher, String what) throws Exception {
    Duration limit = env().waitTimeout();
    Optional<WatchEvent> event = env().bounded("Watcher.next() for " + what, limit.multipliedBy(2), () -> watcher.next(limit));
    if (event.isEmpty()) {
      throw new AssertionError("expected " + what + " within " + limit.toMillis() + " ms, but no event came");
    }
    return event.get();
  }

  /** The next event about service {@code name}, skipping others (from other tests on a shared backend). */
  protected final WatchEvent nextEventFor(Watcher watcher, String name, String what) throws Exception {
    long deadline = System.nanoTime() + env().waitTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      WatchEvent e = nextEvent(watcher, what);
      if (e.service().name().equals(name)) {
        return e;
      }
    }
    throw new AssertionError("expected " + what + ", but only events of other services came");
  }

  /** "ACTION name version [ids]" for messages. */
  protected static String describe(WatchEvent e) {
    return e.action() + " " + e.service().name() + " " + e.service().version() + " "
        + e.service().nodes().stream().map(Node::id).toList();
  }
}
