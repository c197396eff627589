package io.micronats.tck.registry;

import io.micronats.spi.ClosedException;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.WatchEvent;
import io.micronats.spi.registry.WatchEvent.Action;
import io.micronats.spi.registry.Watcher;
import io.micronats.tck.rules.RuleTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Registry rules REG-022 to REG-031: watch semantics (create, update, delete, filtering, stop,
 * no silent drops, many watchers, cross-instance) and expiry seen by watchers.
 *
 * <p>Abstract: subclass it (or {@link RegistryContract}) and supply {@link #target()}. One
 * instance per rule test.
 */
public abstract class RegistryWatchRules extends RegistryRuleSupport {

  private Watcher watch(Registry r, String name) {
    return closeLater(r.watch(name));
  }

  @RuleTest("REG-022")
  final void reg022RegisterOfANewServiceIsACreate() throws Exception {
    String name = unique("created");
    Watcher w = closeLater(registry().watch());
    registry().register(service(name, "v1", "a"));
    WatchEvent e = nextEventFor(w, name, "a CREATE event for " + name);
    check(e.action() == Action.CREATE && e.service().version().equals("v1")
        && e.service().nodes().equals(List.of(Node.of("a", "addr.a"))),
        "CREATE " + name + " v1 [a@addr.a]", "got " + describe(e));
  }

  @RuleTest("REG-023")
  final void reg023AddingANodeIsAnUpdate() throws Exception {
    String name = unique("updated");
    registry().register(service(name, "v1", "a"));
    Watcher w = watch(registry(), name);
    registry().register(service(name, "v1", "b"));
    WatchEvent e = nextEvent(w, "an UPDATE event for the added node");
    check(e.action() == Action.UPDATE && e.service().nodes().stream().anyMatch(n -> n.id().equals("b")),
        "UPDATE " + name + " v1 with node b", "got " + describe(e));
  }

  @RuleTest("REG-024")
  final void reg024DeregisterIsADeleteWithTheNodes() throws Exception {
    String name = unique("deleted");
    registry().register(service(name, "v1", "a", "b"));
    Watcher w = watch(registry(), name);
    registry().deregister(service(name, "v1", "a"));
    WatchEvent e = nextEvent(w, "a DELETE event for node a");
    check(e.action() == Action.DELETE && e.service().version().equals("v1")
        && e.service().nodes().stream().map(Node::id).toList().equals(List.of("a")),
        "DELETE " + name + " v1 [a] (only the node that went away)", "got " + describe(e));
  }

  @RuleTest("REG-025")
  final void reg025WatchOfANameSeesOnlyThatName() throws Exception {
    String name = unique("wanted");
    String otherName = unique("unwanted");
    Watcher w = watch(registry(), name);
    registry().register(service(otherName, "v1", "x"));
    registry().register(service(name, "v1", "a"));
    WatchEvent e = nextEvent(w, "the event for " + name);
    check(e.service().name().equals(name), "only events of '" + name + "'", "got " + describe(e));
    registry().deregister(service(otherName, "v1", "x"));
    env().assertQuiet("no events of other services", () -> {
      try {
        return w.next(Duration.ofMillis(1)).isPresent();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return true;
      }
    }, () -> "an event came");
  }

  @RuleTest("REG-026")
  final void reg026StopReleasesABlockedNext() throws Exception {
    Watcher w = watch(registry(), unique("quiet"));
    CompletableFuture<Object> blocked = inBackground(() -> w.next(Duration.ofMinutes(5)));
    Thread.sleep(env().quietWindow().toMillis());
    env().boundedRun("stop()", w::stop);
    Object result;
    try {
      result = blocked.get(env().waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      result = "it was still blocked";
    }
    check(result instanceof ClosedException, "stop() to make a blocked next() fail with ClosedException", result);
    expectThrows(ClosedException.class, "next() after stop()", () -> w.next(Duration.ofMinutes(5)));
    env().boundedRun("stop() again and close()", () -> {
      w.stop();
      w.close();
    });
  }

  @RuleTest("REG-027")
  final void reg027NoEventIsDroppedOrReordered() throws Exception {
    String prefix = unique("burst");
    Watcher w = closeLater(registry().watch());
    int n = 40;
    for (int i = 0; i < n; i++) {
      registry().register(service(prefix + i, "v1", "a"));
      registry().deregister(service(prefix + i, "v1", "a"));
    }
    Thread.sleep(env().quietWindow().toMillis());
    Map<String, List<Action>> seen = new HashMap<>();
    int count = 0;
    long deadline = System.nanoTime() + env().waitTimeout().toNanos();
    while (count < 2 * n && System.nanoTime() < deadline) {
      Optional<WatchEvent> e = w.next(env().quietWindow());
      if (e.isEmpty()) {
        continue;
      }
      String svc = e.get().service().name();
      if (svc.startsWith(prefix)) {
        seen.computeIfAbsent(svc, k -> new ArrayList<>()).add(e.get().action());
        count++;
      }
    }
    for (int i = 0; i < n; i++) {
      List<Action> actions = seen.getOrDefault(prefix + i, List.of());
      check(actions.equals(List.of(Action.CREATE, Action.DELETE)), "service " + i + " to be seen as [CREATE, DELETE]"
          + " by a watcher that read only after " + 2 * n + " changes", "it was seen as " + actions + " (" + count
          + " of " + 2 * n + " events arrived)");
    }
  }

  @RuleTest("REG-028")
  final void reg028ManyWatchersEachSeeTheChange() throws Exception {
    String name = unique("crowd");
    List<Watcher> watchers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      watchers.add(watch(registry(), name));
    }
    registry().register(service(name, "v1", "a"));
    for (int i = 0; i < watchers.size(); i++) {
      WatchEvent e = nextEvent(watchers.get(i), "watcher " + i + "'s CREATE event");
      check(e.action() == Action.CREATE, "watcher " + i + " to see CREATE", "it saw " + describe(e));
    }
  }

  @RuleTest("REG-029")
  final void reg029WatchersSeeChangesOfOtherInstances() throws Exception {
    String name = unique("remote");
    Registry other = newRegistry();
    Watcher w = watch(other, name);
    registry().register(service(name, "v1", "a"));
    WatchEvent created = nextEvent(w, "the other instance's CREATE event");
    check(created.action() == Action.CREATE, "CREATE seen by a watcher of another instance", "got " + describe(created));
    registry().deregister(service(name, "v1", "a"));
    WatchEvent deleted = nextEvent(w, "the other instance's DELETE event");
    check(deleted.action() == Action.DELETE, "DELETE seen by a watcher of another instance", "got " + describe(deleted));
  }

  @RuleTest("REG-030")
  final void reg030NextWithoutEventsReturnsEmptyAfterItsTimeout() throws Exception {
    Watcher w = watch(registry(), unique("silent"));
    Duration timeout = env().scaled(300);
    long start = System.nanoTime();
    Optional<WatchEvent> e = env().bounded("next(" + timeout.toMillis() + " ms)", timeout.plus(env().waitTimeout()),
        () -> w.next(timeout));
    long took = (System.nanoTime() - start) / 1_000_000;
    check(e.isEmpty(), "no event", "got " + e.map(RegistryRuleSupport::describe).orElse(""));
    check(took >= timeout.toMillis() - 20, "next() to wait about its timeout of " + timeout.toMillis() + " ms",
        "it returned after " + took + " ms");
  }

  @RuleTest("REG-031")
  final void reg031ExpiryIsADeleteForWatchers() throws Exception {
    String name = unique("expiring");
    Watcher w = watch(registry(), name);
    registry().register(service(name, "v1", "a"), RegisterOptions.ttl(env().scaled(300)));
    WatchEvent created = nextEvent(w, "the CREATE event");
    check(created.action() == Action.CREATE, "CREATE first", "got " + describe(created));
    WatchEvent deleted = nextEvent(w, "the DELETE event when the TTL ran out");
    check(deleted.action() == Action.DELETE && deleted.service().nodes().stream().anyMatch(n -> n.id().equals("a")),
        "DELETE " + name + " v1 [a] on expiry", "got " + describe(deleted));
  }
}
