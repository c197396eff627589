package io.micronats.tck.registry;

import io.micronats.tck.env.TckThreads;
import io.micronats.spi.RegistryException;
import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.registry.Endpoint;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.Value;
import io.micronats.tck.BackendControl;
import io.micronats.tck.rules.RuleTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Registry rules REG-001 to REG-021: registering, looking up, deregistering, node identity,
 * defensive copies, the data model, cross-instance visibility, bad input, concurrency, TTLs and
 * backend outages.
 *
 * <p>Abstract: subclass it (or {@link RegistryContract}) and supply {@link #target()}. One
 * instance per rule test.
 */
public abstract class RegistryLookupRules extends RegistryRuleSupport {

  @RuleTest("REG-001")
  final void reg001RegisteredServiceIsFound() {
    String name = unique("greeter");
    Node node = new Node("greeter-1", "inbox.greeter-1", Map.of("region", "eu-west", "Mixed-Case", "Yes"));
    registry().register(Service.of(name, "1.0.0", node));
    List<Service> found = registry().getService(name);
    check(found.size() == 1, "one Service for one registered version", "got " + found);
    Service s = found.get(0);
    check(s.name().equals(name) && s.version().equals("1.0.0"), "name '" + name + "' and version 1.0.0",
        "got '" + s.name() + "' " + s.version());
    check(s.nodes().equals(List.of(node)), "the node " + node, "got " + s.nodes());
  }

  @RuleTest("REG-002")
  final void reg002OneEntryPerVersionWithNodesMerged() {
    String name = unique("merge");
    registry().register(service(name, "v1", "a"));
    registry().register(service(name, "v1", "b"));
    registry().register(service(name, "v2", "c"));
    Map<String, List<String>> raw = rawNodes(registry(), name);
    check(summary(registry(), name).equals(Map.of("v1", Set.of("a", "b"), "v2", Set.of("c"))),
        "v1 with nodes [a, b] and v2 with [c]", "got " + raw);
  }

  @RuleTest("REG-003")
  final void reg003UnknownServiceIsNotFound() throws Exception {
    String name = unique("missing");
    ServiceNotFoundException e = expectThrows(ServiceNotFoundException.class, "getService('" + name + "')",
        () -> registry().getService(name));
    check(e.getMessage() != null && e.getMessage().contains(name), "the message to name '" + name + "'",
        "it was: " + e.getMessage());
  }

  @RuleTest("REG-004")
  final void reg004DeregisterRemovesExactlyTheListedNodes() {
    String name = unique("dereg");
    registry().register(service(name, "v1", "a", "b"));
    registry().register(service(name, "v2", "c"));
    registry().deregister(service(name, "v1", "a"));
    check(summary(registry(), name).equals(Map.of("v1", Set.of("b"), "v2", Set.of("c"))),
        "after removing v1/a: v1 [b], v2 [c]", "got " + summary(registry(), name));
    registry().deregister(service(name, "v1", "b"));
    check(summary(registry(), name).equals(Map.of("v2", Set.of("c"))),
        "after removing v1/b: only v2 [c]", "got " + summary(registry(), name));
    registry().deregister(service(name, "v2", "c"));
    check(summary(registry(), name).isEmpty(), "after removing the last node: ServiceNotFoundException",
        "got " + summary(registry(), name));
  }

  @RuleTest("REG-005")
  final void reg005NodeIdentityIsTheId() {
    String name = unique("identity");
    registry().register(Service.of(name, "v1", Node.of("n1", "host-a:1"), Node.of("n2", "host-b:2")));
    registry().deregister(Service.of(name, "v1", Node.of("n1", "somewhere-else:9")));
    check(summary(registry(), name).equals(Map.of("v1", Set.of("n2"))),
        "deregistering id n1 with another address to remove n1", "got " + summary(registry(), name));
  }

  @RuleTest("REG-006")
  final void reg006DeregisterOfUnknownIsHarmless() throws Exception {
    String name = unique("known");
    registry().register(service(name, "v1", "a"));
    env().boundedRun("deregister() of unknown services and nodes", () -> {
      registry().deregister(service(unique("never"), "v1", "x"));
      registry().deregister(service(name, "v1", "not-there"));
      registry().deregister(service(name, "v9", "a"));
    });
    check(summary(registry(), name).equals(Map.of("v1", Set.of("a"))), "the known node untouched",
        "got " + summary(registry(), name));
  }

  @RuleTest("REG-007")
  final void reg007RegisteringAgainDoesNotDuplicate() {
    String name = unique("again");
    for (int i = 0; i < 3; i++) {
      registry().register(service(name, "v1", "a"));
    }
    check(rawNodes(registry(), name).equals(Map.of("v1", List.of("a"))), "one node 'a' after registering it 3 times",
        "got " + rawNodes(registry(), name));
  }

  @RuleTest("REG-008")
  final void reg008RegisteringAgainUpdatesTheNode() {
    String name = unique("update");
    registry().register(Service.of(name, "v1", new Node("a", "old:1", Map.of("gen", "1"))));
    Node fresh = new Node("a", "new:2", Map.of("gen", "2"));
    registry().register(Service.of(name, "v1", fresh));
    List<Node> nodes = registry().getService(name).get(0).nodes();
    check(nodes.equals(List.of(fresh)), "only the re-registered node " + fresh, "got " + nodes);
  }

  @RuleTest("REG-009")
  final void reg009ListServicesIncludesEveryRegisteredService() {
    String a = unique("list-a");
    String b = unique("list-b");
    registry().register(service(a, "v1", "a1"));
    registry().register(service(a, "v2", "a2"));
    registry().register(service(b, "", "b1"));
    List<Service> all = registry().listServices();
    Set<String> pairs = new java.util.HashSet<>();
    all.forEach(s -> pairs.add(s.name() + "@" + s.version()));
    check(pairs.containsAll(Set.of(a + "@v1", a + "@v2", b + "@")), "listServices() to include " + a + "@v1, @v2 and "
        + b + "@ (empty version)", "it held " + all.stream().filter(s -> s.name().equals(a) || s.name().equals(b))
        .map(s -> s.name() + "@" + s.version()).toList());
  }

  @RuleTest("REG-010")
  final void reg010ReturnedListsDoNotAliasRegistryState() {
    String name = unique("copies");
    registry().register(service(name, "v1", "a"));
    for (List<?> list : List.<List<?>>of(registry().getService(name), registry().listServices())) {
      try {
        list.clear();
      } catch (UnsupportedOperationException expected) {
        // an unmodifiable list is a fine defensive copy
      }
    }
    check(summary(registry(), name).equals(Map.of("v1", Set.of("a"))), "later lookups unaffected by clearing returned lists",
        "got " + summary(registry(), name));
    check(registry().listServices().stream().anyMatch(s -> s.name().equals(name)),
        "listServices() unaffected by clearing a returned list", "the service was missing");
  }

  @RuleTest("REG-011")
  final void reg011DataModelRoundTrips() throws Exception {
    String name = unique("model");
    Value request = new Value("req", "Request", List.of(Value.of("id", "int64"),
        new Value("items", "[]Item", List.of(Value.of("sku", "string"), Value.of("qty", "int32")))));
    Endpoint endpoint = new Endpoint("Orders.Create", request, Value.of("rsp", "Response"), Map.of("stream", "false"));
    Service s = new Service(name, "2.1.0-beta+ü", Map.of("owner", "team-€", "Empty", ""), List.of(endpoint, Endpoint.of("Orders.Ping")),
        List.of(new Node("n1", "inbox.n1", Map.of("zone", "a"))));
    registry().register(s);
    Registry other = newRegistry();
    env().awaitTrue("the other instance to return the service exactly as registered",
        () -> summary(other, name).size() == 1 && other.getService(name).equals(List.of(s)),
        () -> "it returned " + (summary(other, name).isEmpty() ? "nothing" : other.getService(name).toString()));
    check(registry().getService(name).equals(List.of(s)), "the registering instance to return " + s,
        "it returned " + registry().getService(name));
  }

  @RuleTest("REG-012")
  final void reg012OtherInstancesSeeRegisterAndDeregister() throws Exception {
    String name = unique("shared");
    Registry other = newRegistry();
    registry().register(service(name, "v1", "a"));
    awaitSummary(other, name, Map.of("v1", Set.of("a")), "the other registry instance");
    registry().deregister(service(name, "v1", "a"));
    awaitSummary(other, name, Map.of(), "the other registry instance after deregister");
  }

  @RuleTest("REG-013")
  final void reg013NodeAddressesAreOpaque() {
    String name = unique("opaque");
    List<String> addresses = List.of("_INBOX.Xy9zAbC", "[::1]:8080", "unix:///tmp/svc.sock", "nats://10.0.0.1:4222/x?y=z",
        "no port at all");
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      nodes.add(Node.of("n" + i, addresses.get(i)));
    }
    registry().register(Service.of(name, "v1", nodes.toArray(Node[]::new)));
    Set<Node> got = Set.copyOf(registry().getService(name).get(0).nodes());
    check(got.equals(Set.copyOf(nodes)), "addresses returned verbatim: " + addresses, "got " + got);
  }

  @RuleTest("REG-014")
  @SuppressWarnings("NullAway") // passes null on purpose: the rule is that the plugin rejects it
  final void reg014InvalidNamesAndNullsAreRejected() throws Exception {
    for (String bad : List.of("", "has space", "wild.*", "double..dot")) {
      expectThrows(IllegalArgumentException.class, "getService('" + bad + "')", () -> registry().getService(bad));
      expectThrows(IllegalArgumentException.class, "watch('" + bad + "')", () -> closeLater(registry().watch(bad)));
    }
    Service ok = service(unique("valid"), "v1", "a");
    List<Callable<?>> calls = List.of(() -> registry().getService(null), () -> {
      registry().register(null);
      return null;
    }, () -> {
      registry().register(ok, null);
      return null;
    }, () -> {
      registry().deregister(null);
      return null;
    }, () -> closeLater(registry().watch(null)));
    String[] names = {"getService(null)", "register(null)", "register(s, null)", "deregister(null)", "watch(null)"};
    for (int i = 0; i < calls.size(); i++) {
      RuntimeException e = expectThrows(RuntimeException.class, names[i], calls.get(i));
      check(e instanceof NullPointerException || e instanceof IllegalArgumentException,
          names[i] + " to throw NullPointerException or IllegalArgumentException", "it threw " + e);
    }
    registry().register(ok);
    check(summary(registry(), ok.name()).equals(Map.of("v1", Set.of("a"))), "the registry to work after bad input",
        "got " + summary(registry(), ok.name()));
  }

  @RuleTest("REG-015")
  final void reg015ConcurrentRegistrationsAreAllKept() throws Exception {
    String name = unique("crowd");
    Registry other = newRegistry();
    List<Registry> instances = List.of(registry(), other);
    int threads = 8;
    int each = 10;
    ExecutorService pool = TckThreads.pool("tck-registry", threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            instances.get(id % 2).register(service(name, "v1", "t" + id + "-" + i));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(env().ruleTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    env().awaitTrue("all " + threads * each + " concurrently registered nodes to be listed",
        () -> summary(registry(), name).getOrDefault("v1", Set.of()).size() == threads * each,
        () -> "found " + summary(registry(), name).getOrDefault("v1", Set.of()).size());
  }

  @RuleTest("REG-016")
  final void reg016ConcurrentLookupsAreCorrect() throws Exception {
    String name = unique("popular");
    registry().register(service(name, "v1", "a", "b"));
    registry().register(service(name, "v2", "c"));
    Map<String, Set<String>> expected = Map.of("v1", Set.of("a", "b"), "v2", Set.of("c"));
    ExecutorService pool = TckThreads.pool("tck-registry", 8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(pool.submit(() -> {
          for (int i = 0; i < 25; i++) {
            Map<String, Set<String>> got = summary(registry(), name);
            if (!got.equals(expected)) {
              return "a lookup returned " + got;
            }
          }
          return "";
        }));
      }
      for (Future<String> f : results) {
        String problem = f.get(env().ruleTimeout().toMillis(), TimeUnit.MILLISECONDS);
        check(problem.isEmpty(), "200 concurrent lookups to return " + expected, problem);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @RuleTest("REG-017")
  final void reg017NodesExpireAfterTheirTtl() throws Exception {
    String name = unique("ttl");
    registry().register(service(name, "v1", "a"), RegisterOptions.ttl(env().scaled(300)));
    check(summary(registry(), name).equals(Map.of("v1", Set.of("a"))), "the node to be visible before its TTL",
        "got " + summary(registry(), name));
    awaitSummary(registry(), name, Map.of(), "the registry, after the 300 ms TTL ran out,");
  }

  @RuleTest("REG-018")
  final void reg018RegisteringAgainRefreshesTheTtl() throws Exception {
    String name = unique("refresh");
    Duration ttl = env().scaled(800);
    long end = System.nanoTime() + ttl.multipliedBy(2).toNanos();
    while (System.nanoTime() < end) {
      registry().register(service(name, "v1", "a"), RegisterOptions.ttl(ttl));
      Thread.sleep(ttl.toMillis() / 8);
      check(summary(registry(), name).equals(Map.of("v1", Set.of("a"))),
          "a node refreshed every " + ttl.toMillis() / 8 + " ms to stay visible past its " + ttl.toMillis() + " ms TTL",
          "it was gone");
    }
  }

  @RuleTest("REG-019")
  final void reg019TtlAppliesPerNode() throws Exception {
    String name = unique("mixed");
    registry().register(service(name, "v1", "forever"));
    registry().register(service(name, "v1", "short"), RegisterOptions.ttl(env().scaled(300)));
    awaitSummary(registry(), name, Map.of("v1", Set.of("forever")), "the registry, after the short node's TTL,");
  }

  @RuleTest("REG-020")
  final void reg020CloseIsBoundedAndIdempotent() throws Exception {
    Registry own = newRegistry();
    String name = unique("closing");
    own.register(service(name, "v1", "a"));
    io.micronats.spi.registry.Watcher watcher = own.watch(name);
    java.util.concurrent.CompletableFuture<Object> blocked = inBackground(() -> watcher.next(Duration.ofMinutes(5)));
    Thread.sleep(env().quietWindow().toMillis());
    env().boundedRun("close() twice", () -> {
      own.close();
      own.close();
    });
    Object result;
    try {
      result = blocked.get(env().waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      result = "it was still blocked";
    }
    check(result instanceof io.micronats.spi.ClosedException,
        "close() to stop the instance's watchers: a blocked next() fails with ClosedException", result);
  }

  @RuleTest("REG-021")
  final void reg021OutageIsAnErrorNotAnEmptyAnswer() throws Exception {
    String name = unique("outage");
    registry().register(service(name, "v1", "a"));
    Registry other = newRegistry();
    awaitSummary(other, name, Map.of("v1", Set.of("a")), "the other instance before the outage");
    BackendControl backend = tck().backendControl().orElseThrow();
    backend.stop();
    try {
      RegistryException e = expectThrows(RegistryException.class, "getService() while the backend is down",
          env().waitTimeout().multipliedBy(2), () -> {
            Object result = other.getService(name);
            throw new AssertionError("getService() returned " + result + " while the backend was down");
          });
      check(!(e instanceof ServiceNotFoundException), "a RegistryException saying the backend is unreachable",
          "it claimed the service does not exist: " + e);
    } finally {
      backend.start();
    }
    awaitSummary(other, name, Map.of("v1", Set.of("a")), "the other instance after the backend came back");
  }
}
