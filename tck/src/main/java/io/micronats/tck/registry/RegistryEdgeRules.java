package io.micronats.tck.registry;

import io.micronats.tck.env.TckThreads;
import io.micronats.spi.ClosedException;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Registry rules REG-032 to REG-035: registering and deregistering from several threads while
 * watchers record (checked against the contract as a history), one instance's {@code close()}
 * seen from the others, several versions answered by several instances, and versions without
 * nodes.
 *
 * <p>Abstract: subclass it (or {@link RegistryContract}) and supply {@link #target()}. One
 * instance per rule test.
 */
public abstract class RegistryEdgeRules extends RegistryRuleSupport {

  @RuleTest("REG-032")
  final void reg032ConcurrentChangesGiveEveryWatcherACompleteHistory() throws Exception {
    String name = unique("contended");
    List<Registry> instances = List.of(registry(), newRegistry());
    List<Watcher> watchers = new ArrayList<>();
    for (Registry r : instances) {
      watchers.add(closeLater(r.watch(name)));
    }
    List<List<WatchEvent>> histories = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    AtomicBoolean recording = new AtomicBoolean(true);
    int threads = 8;
    int each = 25;
    Set<String> ids = new TreeSet<>();
    for (int t = 0; t < threads; t++) {
      for (int i = 0; i < each; i++) {
        ids.add("t" + t + "-" + i);
      }
    }
    ExecutorService pool = TckThreads.pool("tck-registry", threads + watchers.size());
    try {
      List<Future<?>> recorders = new ArrayList<>();
      for (int w = 0; w < watchers.size(); w++) {
        Watcher watcher = watchers.get(w);
        List<WatchEvent> history = histories.get(w);
        recorders.add(pool.submit(() -> {
          while (recording.get()) {
            watcher.next(Duration.ofMillis(50)).ifPresent(history::add);
          }
          return null;
        }));
      }
      awaitWatchersReady(instances.get(0), name, histories);
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        Registry r = instances.get(t % 2);
        writers.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            r.register(service(name, "v1", "t" + id + "-" + i));
            if (i > 0) {
              r.deregister(service(name, "v1", "t" + id + "-" + (i - 1)));
            }
          }
          r.deregister(service(name, "v1", "t" + id + "-" + (each - 1)));
          return null;
        }));
      }
      for (Future<?> f : writers) {
        f.get(env().ruleTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
      for (int w = 0; w < histories.size(); w++) {
        List<WatchEvent> history = histories.get(w);
        env().awaitTrue("watcher " + w + " to record a DELETE of each of the " + ids.size() + " nodes",
            () -> deleted(history).containsAll(ids), () -> "it recorded " + deleted(history).size() + " so far");
      }
      Thread.sleep(env().quietWindow().toMillis());
      recording.set(false);
      for (Future<?> f : recorders) {
        f.get(env().waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      recording.set(false);
      pool.shutdownNow();
    }
    for (int w = 0; w < histories.size(); w++) {
      List<String> problems = historyProblems(histories.get(w), ids);
      check(problems.isEmpty(), "watcher " + w + " to see every node added, then deleted exactly once",
          problems.subList(0, Math.min(8, problems.size())) + (problems.size() > 8 ? " and " + (problems.size() - 8)
              + " more" : ""));
    }
    for (Registry r : instances) {
      awaitSummary(r, name, Map.of(), "each instance, after every node was deregistered,");
    }
  }

  /** Registers and deregisters a probe node until both watchers recorded its DELETE: the watches are live. */
  private void awaitWatchersReady(Registry registry, String name, List<List<WatchEvent>> histories) throws Exception {
    registry.register(service(name, "probe", "probe"));
    registry.deregister(service(name, "probe", "probe"));
    for (int w = 0; w < histories.size(); w++) {
      List<WatchEvent> history = histories.get(w);
      env().awaitTrue("watcher " + w + " to see the probe node come and go", () -> deleted(history).contains("probe"),
          () -> "it recorded " + history.size() + " events");
    }
  }

  private static Set<String> deleted(List<WatchEvent> history) {
    Set<String> out = new TreeSet<>();
    for (WatchEvent e : history) {
      if (e.action() == Action.DELETE) {
        e.service().nodes().forEach(n -> out.add(n.id()));
      }
    }
    return out;
  }

  /** For each id: added before its one DELETE, never added again after it. */
  private static List<String> historyProblems(List<WatchEvent> history, Set<String> ids) {
    Map<String, List<String>> byNode = new HashMap<>();
    for (WatchEvent e : history) {
      if (!e.service().version().equals("v1")) {
        continue;
      }
      for (Node n : e.service().nodes()) {
        byNode.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(e.action() == Action.DELETE ? "DELETE" : "ADD");
      }
    }
    List<String> problems = new ArrayList<>();
    for (String id : ids) {
      List<String> seen = byNode.getOrDefault(id, List.of());
      int firstDelete = seen.indexOf("DELETE");
      long deletes = seen.stream().filter("DELETE"::equals).count();
      boolean addedFirst = !seen.isEmpty() && seen.get(0).equals("ADD");
      boolean addedAfter = firstDelete >= 0 && seen.subList(firstDelete, seen.size()).contains("ADD");
      if (!addedFirst || deletes != 1 || addedAfter) {
        problems.add(id + " " + seen);
      }
    }
    return problems;
  }

  @RuleTest("REG-033")
  final void reg033ClosingOneInstanceLeavesTheOthersWorking() throws Exception {
    String name = unique("survivor");
    Registry closing = newRegistry();
    Registry staying = newRegistry();
    Registry writer = registry();
    Watcher closingWatcher = closing.watch(name);
    Watcher stayingWatcher = closeLater(staying.watch(name));
    writer.register(service(name, "v1", "a"));
    awaitSummary(staying, name, Map.of("v1", Set.of("a")), "the staying instance");
    WatchEvent first = nextEventFor(stayingWatcher, name, "the staying watcher's event of node a");
    check(first.service().nodes().stream().anyMatch(n -> n.id().equals("a")), "an event carrying node a", describe(first));
    env().boundedRun("close() of another registry instance", closing::close);
    expectThrows(ClosedException.class, "next() on the closed instance's watcher",
        () -> closingWatcher.next(Duration.ofMillis(10)));
    writer.register(service(name, "v1", "b"));
    WatchEvent later = nextEventFor(stayingWatcher, name, "the staying watcher's event of node b, after the other closed");
    check(later.service().nodes().stream().anyMatch(n -> n.id().equals("b")), "an event carrying node b", describe(later));
    awaitSummary(staying, name, Map.of("v1", Set.of("a", "b")), "the staying instance, after the other closed,");
  }

  @RuleTest("REG-034")
  final void reg034SeveralVersionsFromSeveralInstancesAreAllReturned() throws Exception {
    List<Registry> instances = List.of(registry(), newRegistry(), newRegistry());
    List<String> versions = List.of("1.0.0", "1.1.0", "2.0.0-rc1");
    Map<String, Map<String, Set<String>>> expected = new TreeMap<>();
    for (int s = 0; s < 4; s++) {
      String name = unique("multi" + s);
      Map<String, Set<String>> want = new TreeMap<>();
      for (String v : versions) {
        Set<String> nodes = new TreeSet<>();
        for (int k = 0; k < instances.size(); k++) {
          String id = "s" + s + "-" + v + "-i" + k;
          instances.get(k).register(service(name, v, id));
          nodes.add(id);
        }
        want.put(v, nodes);
      }
      expected.put(name, want);
    }
    List<Registry> lookers = new ArrayList<>(instances);
    lookers.add(newRegistry());
    for (int k = 0; k < lookers.size(); k++) {
      Registry r = lookers.get(k);
      String who = k < instances.size() ? "instance " + k : "a fresh instance";
      for (Map.Entry<String, Map<String, Set<String>>> e : expected.entrySet()) {
        awaitSummary(r, e.getKey(), e.getValue(), who);
        for (int i = 0; i < 10; i++) {
          Map<String, Set<String>> got = summary(r, e.getKey());
          check(got.equals(e.getValue()), who + "'s lookup " + (i + 2) + " of '" + e.getKey() + "' to be complete "
              + "again: " + e.getValue(), "it returned " + got);
        }
      }
    }
  }

  @RuleTest("REG-035")
  final void reg035VersionWithoutNodesIsListed() throws Exception {
    String name = unique("empty");
    Service empty = new Service(name, "0.9.0", Map.of("state", "draining"), List.of(), List.of());
    registry().register(empty);
    registry().register(service(name, "1.0.0", "a"));
    Map<String, Set<String>> both = Map.of("0.9.0", Set.of(), "1.0.0", Set.of("a"));
    awaitSummary(registry(), name, both, "the registering instance");
    Optional<Service> listed = registry().getService(name).stream().filter(s -> s.version().equals("0.9.0")).findFirst();
    check(listed.isPresent() && listed.get().nodes().isEmpty() && listed.get().metadata().equals(empty.metadata()),
        "version 0.9.0 with no nodes and its metadata", "got " + listed);
    Registry other = newRegistry();
    awaitSummary(other, name, both, "another instance");
    check(other.listServices().stream().anyMatch(s -> s.name().equals(name) && s.version().equals("0.9.0")),
        "listServices() of the other instance to include " + name + "@0.9.0", "it did not");
    registry().deregister(empty);
    awaitSummary(other, name, Map.of("1.0.0", Set.of("a")), "the other instance, after the empty version was deregistered,");
  }
}
