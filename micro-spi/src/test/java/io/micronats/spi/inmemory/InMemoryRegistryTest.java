package io.micronats.spi.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.spi.ClosedException;
import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.registry.Endpoint;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.Value;
import io.micronats.spi.registry.WatchEvent;
import io.micronats.spi.registry.WatchEvent.Action;
import io.micronats.spi.registry.Watcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryRegistryTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final Duration QUIET = Duration.ofMillis(150);

  private final InMemoryHub hub = InMemoryHub.create();
  private final InMemoryRegistry one = InMemoryRegistry.create(hub);
  private final InMemoryRegistry two = InMemoryRegistry.create(hub);

  @AfterEach
  void closeAll() {
    one.close();
    two.close();
  }

  private static Service greeter(String version, Node... nodes) {
    return Service.of("greeter", version, nodes);
  }

  private static WatchEvent next(Watcher watcher) throws InterruptedException {
    return watcher.next(WAIT).orElseThrow(() -> new AssertionError("no event within " + WAIT));
  }

  @Test
  void registrationInOneInstanceIsVisibleInAnother() {
    one.register(greeter("1.0", Node.of("g-1", "addr-1")));
    List<Service> found = two.getService("greeter");
    assertThat(found).singleElement().satisfies(s -> {
      assertThat(s.version()).isEqualTo("1.0");
      assertThat(s.nodes()).containsExactly(Node.of("g-1", "addr-1"));
    });
  }

  @Test
  void registerMergesNodesAndKeepsOneEntryPerVersion() {
    one.register(greeter("1.0", Node.of("g-1", "a1")));
    two.register(greeter("1.0", Node.of("g-2", "a2")));
    one.register(greeter("2.0", Node.of("g-3", "a3")));
    List<Service> found = one.getService("greeter");
    assertThat(found).extracting(Service::version).containsExactly("1.0", "2.0");
    assertThat(found.get(0).nodes()).extracting(Node::id).containsExactly("g-1", "g-2");
    assertThat(one.listServices()).hasSize(2);
  }

  @Test
  void deregisterRemovesTheGivenNodesByIdAndTheServiceWithItsLastNode() {
    one.register(greeter("1.0", Node.of("g-1", "a1"), Node.of("g-2", "a2")));
    two.deregister(greeter("1.0", Node.of("g-1", "another-address")));
    assertThat(one.getService("greeter").get(0).nodes()).extracting(Node::id).containsExactly("g-2");
    two.deregister(greeter("1.0", Node.of("g-2", "a2")));
    assertThatThrownBy(() -> one.getService("greeter"))
        .isInstanceOf(ServiceNotFoundException.class).hasMessageContaining("greeter");
    two.deregister(greeter("1.0", Node.of("g-2", "a2"))); // unknown now: no error
  }

  @Test
  void unknownServiceIsNotFound() {
    assertThatThrownBy(() -> one.getService("nobody"))
        .isInstanceOf(ServiceNotFoundException.class).hasMessageContaining("'nobody'");
    assertThat(one.listServices()).isEmpty();
  }

  @Test
  void dataModelSurvivesARoundTrip() {
    Value request = new Value("req", "Request", List.of(Value.of("name", "string")));
    Endpoint hello = new Endpoint("Greeter.Hello", request, Value.of("rsp", "Response"), Map.of("stream", "false"));
    Service service = new Service("greeter", "1.0", Map.of("team", "a"), List.of(hello),
        List.of(new Node("g-1", "_INBOX.abc", Map.of("zone", "eu"))));
    one.register(service);
    assertThat(two.getService("greeter")).containsExactly(service);
  }

  @Test
  void watchersSeeCreateUpdateAndDeleteInCausalOrder() throws Exception {
    try (Watcher all = two.watch(); Watcher onlyGreeter = two.watch("greeter")) {
      one.register(greeter("1.0", Node.of("g-1", "a1")));
      one.register(greeter("1.0", Node.of("g-1", "a1")));                 // identical: no event
      one.register(greeter("1.0", Node.of("g-1", "a1-moved")));           // changed: UPDATE
      one.register(Service.of("other", "1", Node.of("o-1", "x")));
      one.register(greeter("1.0", Node.of("g-2", "a2")));                 // added: UPDATE
      one.deregister(greeter("1.0", Node.of("g-1", "a1")));
      assertThat(next(onlyGreeter)).isEqualTo(new WatchEvent(Action.CREATE, greeter("1.0", Node.of("g-1", "a1"))));
      assertThat(next(onlyGreeter)).isEqualTo(new WatchEvent(Action.UPDATE, greeter("1.0", Node.of("g-1", "a1-moved"))));
      assertThat(next(onlyGreeter)).isEqualTo(new WatchEvent(Action.UPDATE, greeter("1.0", Node.of("g-2", "a2"))));
      assertThat(next(onlyGreeter)).isEqualTo(new WatchEvent(Action.DELETE, greeter("1.0", Node.of("g-1", "a1-moved"))));
      assertThat(onlyGreeter.next(QUIET)).isEmpty();
      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        WatchEvent e = next(all);
        seen.add(e.action() + " " + e.service().name());
      }
      assertThat(seen).containsExactly("CREATE greeter", "UPDATE greeter", "CREATE other",
          "UPDATE greeter", "DELETE greeter");
    }
  }

  @Test
  void expiredNodesAreRemovedAndWatchersGetDelete() throws Exception {
    try (Watcher watcher = two.watch("greeter")) {
      one.register(greeter("1.0", Node.of("g-1", "a1")), RegisterOptions.ttl(Duration.ofMillis(200)));
      one.register(greeter("1.0", Node.of("g-2", "a2")));
      assertThat(next(watcher).action()).isEqualTo(Action.CREATE);
      assertThat(next(watcher).action()).isEqualTo(Action.UPDATE);
      WatchEvent expired = next(watcher);
      assertThat(expired).isEqualTo(new WatchEvent(Action.DELETE, greeter("1.0", Node.of("g-1", "a1"))));
      assertThat(two.getService("greeter").get(0).nodes()).extracting(Node::id).containsExactly("g-2");
    }
  }

  @Test
  void reRegisteringRefreshesTheTtl() throws Exception {
    Service service = greeter("1.0", Node.of("g-1", "a1"));
    long end = System.nanoTime() + Duration.ofMillis(600).toNanos();
    while (System.nanoTime() < end) {
      one.register(service, RegisterOptions.ttl(Duration.ofMillis(250)));
      Thread.sleep(50);
    }
    assertThat(two.getService("greeter")).hasSize(1);
  }

  @Test
  void stopReleasesABlockedNextPromptlyAndLaterCallsFail() throws Exception {
    Watcher watcher = one.watch();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Optional<WatchEvent>> blocked = pool.submit(() -> watcher.next(WAIT));
      Thread.sleep(50);
      long start = System.nanoTime();
      watcher.stop();
      watcher.stop();
      assertThatThrownBy(() -> blocked.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(ClosedException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
      assertThatThrownBy(() -> watcher.next(WAIT)).isInstanceOf(ClosedException.class);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void nextReturnsEmptyOnTimeout() throws Exception {
    try (Watcher watcher = one.watch()) {
      assertThat(watcher.next(Duration.ofMillis(20))).isEmpty();
    }
  }

  @Test
  void closeStopsItsWatchersAndLaterCallsFail() {
    Watcher watcher = one.watch();
    one.close();
    one.close();
    assertThatThrownBy(() -> watcher.next(WAIT)).isInstanceOf(ClosedException.class);
    assertThatThrownBy(() -> one.getService("greeter")).isInstanceOf(ClosedException.class);
  }

  @Test
  void concurrentRegistrationsAreAllKept() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (Watcher watcher = two.watch("greeter")) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < 50; i++) {
            one.register(greeter("1.0", Node.of("n-" + thread + "-" + i, "a")));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(10, TimeUnit.SECONDS);
      }
      assertThat(two.getService("greeter").get(0).nodes()).hasSize(400);
      int nodesSeen = 0;
      for (int i = 0; i < 400; i++) {
        nodesSeen += next(watcher).service().nodes().size();
      }
      assertThat(nodesSeen).isEqualTo(400);
    } finally {
      pool.shutdownNow();
    }
  }
}
