package io.micronats.nats.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.WatchEvent;
import io.micronats.spi.registry.Watcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Early-completion lookups are complete, every time, on a real 3-node cluster: several answerers,
 * several versions each, several nodes per version, asked from a registry on another node, in
 * both wire profiles; and the cache after priming serves what a lookup would, and forgets a
 * go-micro node that went silent within the documented bound.
 */
// -Xlint:try: resources opened only for their lifetime (answerers, servers) are not referenced
// in the body, and GoMicroAnswerer.close() declares InterruptedException.
@SuppressWarnings("try")
class DiscoveryCompletenessTest extends RegistryClusterFixture {

  static final List<String> VERSIONS = List.of("1.0.0", "2.0.0", "3.0.0");
  static final int LOOKUPS = 100;

  /** The versions {@code owner} serves of {@code name}: each with 2 nodes, named after the owner. */
  static List<Service> versionsOf(String name, String owner) {
    List<Service> out = new ArrayList<>();
    for (String v : VERSIONS) {
      out.add(new Service(name, v, Map.of("owner", owner), List.of(),
          List.of(goNode(name, owner + "-" + v + "-a"), goNode(name, owner + "-" + v + "-b"))));
    }
    return out;
  }

  /** A node as go-micro registers one: id {@code <name>-<uuid>}, inbox address, its metadata. */
  static Node goNode(String name, String tag) {
    return new Node(name + "-" + tag, "_INBOX." + tag, Map.of("broker", "nats", "protocol", "mucp",
        "registry", "nats", "server", "mucp", "transport", "nats"));
  }

  /** version -> node ids, for comparing whole answers. */
  static Map<String, Set<String>> shape(List<Service> services) {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Service s : services) {
      Set<String> ids = out.computeIfAbsent(s.version(), v -> new TreeSet<>());
      s.nodes().forEach(n -> ids.add(n.id()));
    }
    return out;
  }

  /** The shape of every owner's versions together. */
  static Map<String, Set<String>> shapeOf(List<List<Service>> owners) {
    List<Service> all = new ArrayList<>();
    owners.forEach(all::addAll);
    return shape(all);
  }

  /** Waits until {@code watcher} saw {@code count} CREATE events. */
  static void awaitCreates(Watcher watcher, int count) throws Exception {
    int seen = 0;
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (seen < count && System.nanoTime() < deadline) {
      var e = watcher.next(Duration.ofMillis(200));
      if (e.isPresent() && e.get().action() == WatchEvent.Action.CREATE) {
        seen++;
      }
    }
    assertThat(seen).as("CREATE events seen").isEqualTo(count);
  }

  /** Asks {@link #LOOKUPS} times; returns how many answers equal {@code expected}, and prints latencies. */
  static int completeLookups(NatsRegistry reader, String name, Map<String, Set<String>> expected, String label) {
    int complete = 0;
    long[] took = new long[LOOKUPS];
    for (int i = 0; i < LOOKUPS; i++) {
      long begin = System.nanoTime();
      List<Service> found;
      try {
        found = reader.getService(name);
      } catch (ServiceNotFoundException e) {
        found = List.of();
      }
      took[i] = System.nanoTime() - begin;
      if (shape(found).equals(expected)) {
        complete++;
      }
    }
    java.util.Arrays.sort(took);
    System.out.printf("%s: %d/%d complete, p50 %.2f ms, max %.2f ms%n", label, complete, LOOKUPS,
        took[LOOKUPS / 2] / 1e6, took[LOOKUPS - 1] / 1e6);
    return complete;
  }

  @Test
  void twoRegistriesThreeVersionsTwoNodesEachAreCompleteEveryTime() throws Exception {
    String name = "multi.micronats";
    Duration window = Duration.ofSeconds(2);
    try (NatsRegistry reader = on(2).window(window).build().startQuietly();
         Watcher watcher = reader.watch(name);
         NatsRegistry a = on(0).build().startQuietly();
         NatsRegistry b = on(1).build().startQuietly()) {
      List<Service> ofA = versionsOf(name, "a");
      List<Service> ofB = versionsOf(name, "b");
      ofA.forEach(a::register);
      ofB.forEach(b::register);
      // Each registry subscribed to queries before announcing; the route carries its interest
      // before its events, so once the reader saw the 6 creates, every answerer hears its queries.
      awaitCreates(watcher, 6);
      Map<String, Set<String>> expected = shapeOf(List.of(ofA, ofB));
      assertThat(expected.values()).allSatisfy(ids -> assertThat(ids).hasSize(4));

      assertThat(completeLookups(reader, name, expected, "micronats, reader with watch history")).isEqualTo(LOOKUPS);
      try (NatsRegistry fresh = on(2).window(window).build().startQuietly()) {
        assertThat(completeLookups(fresh, name, expected, "micronats, fresh reader")).isEqualTo(LOOKUPS);
      }
      long begin = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        reader.getService(name);
      }
      assertThat(Duration.ofNanos((System.nanoTime() - begin) / 10)).as("early, not the %s window", window)
          .isLessThan(window.dividedBy(4));
    }
  }

  @Test
  void threeGoMicroProcessesAreCompleteEveryTime() throws Exception {
    String name = "go.micro.srv.multi";
    List<List<Service>> owners = List.of(versionsOf(name, "g1"), versionsOf(name, "g2"), versionsOf(name, "g3"));
    try (NatsRegistry reader = on(2).profile(WireProfile.GO_MICRO).build().startQuietly();
         Watcher watcher = reader.watch(name);
         GoMicroAnswerer g1 = GoMicroAnswerer.start(cluster.node(0).clientUrl(), owners.get(0));
         GoMicroAnswerer g2 = GoMicroAnswerer.start(cluster.node(1).clientUrl(), owners.get(1));
         GoMicroAnswerer g3 = GoMicroAnswerer.start(cluster.node(0).clientUrl(), owners.get(2))) {
      awaitCreates(watcher, 9);
      Map<String, Set<String>> expected = shapeOf(owners);
      assertThat(expected.values()).allSatisfy(ids -> assertThat(ids).hasSize(6));
      assertThat(completeLookups(reader, name, expected, "go-micro answerers, reader with watch history")).isEqualTo(LOOKUPS);
      try (NatsRegistry fresh = on(2).profile(WireProfile.GO_MICRO).build().startQuietly()) {
        assertThat(completeLookups(fresh, name, expected, "go-micro answerers, fresh reader")).isEqualTo(LOOKUPS);
      }
    }
  }

  @Test
  void cacheIsCompleteAfterPrimingAndForgetsASilentGoNodeWithinTheBound() throws Exception {
    String name = "go.micro.srv.cached";
    Duration goNodeTtl = Duration.ofSeconds(2);
    List<Service> ofG1 = versionsOf(name, "g1");
    List<Service> ofG2 = versionsOf(name, "g2");
    try (NatsRegistry cached = on(2).profile(WireProfile.GO_MICRO).strategy(LookupStrategy.CACHED)
             .goNodeTtl(goNodeTtl).build().startQuietly();
         Watcher watcher = cached.watch(name);
         GoMicroAnswerer g1 = GoMicroAnswerer.start(cluster.node(0).clientUrl(), ofG1)) {
      GoMicroAnswerer g2 = GoMicroAnswerer.start(cluster.node(1).clientUrl(), ofG2);
      awaitCreates(watcher, 6);
      Map<String, Set<String>> both = shapeOf(List.of(ofG1, ofG2));
      assertThat(shape(cached.getService(name))).as("the priming lookup").isEqualTo(both);
      long hits = cached.stats().cacheHits();
      for (int i = 0; i < LOOKUPS; i++) {
        assertThat(shape(cached.getService(name))).isEqualTo(both);
      }
      assertThat(cached.stats().cacheHits() - hits).as("answered from the cache").isEqualTo(LOOKUPS);

      g2.close(); // a crash: no delete event
      long silentSince = System.nanoTime();
      Map<String, Set<String>> onlyG1 = shape(ofG1);
      Duration bound = goNodeTtl.plus(Duration.ofSeconds(1)); // + one window and sweep, with room for load
      while (!shape(cached.getService(name)).equals(onlyG1)) {
        Map<String, Set<String>> now = shape(cached.getService(name));
        assertThat(now).as("never less than g1, which still answers").isIn(both, onlyG1);
        assertThat(Duration.ofNanos(System.nanoTime() - silentSince)).as("g2 still cached").isLessThan(WAIT);
        Thread.sleep(10);
      }
      Duration gone = Duration.ofNanos(System.nanoTime() - silentSince);
      System.out.printf("silent go-micro node dropped from the cache after %d ms (go node TTL %d ms)%n",
          gone.toMillis(), goNodeTtl.toMillis());
      assertThat(gone).isLessThan(bound);
      for (int i = 0; i < 20; i++) {
        assertThat(shape(cached.getService(name))).as("g1 stays, re-primed from its answers").isEqualTo(onlyG1);
      }
    }
  }
}
