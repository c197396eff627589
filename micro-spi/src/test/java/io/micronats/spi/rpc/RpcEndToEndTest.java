package io.micronats.spi.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.spi.Await;
import io.micronats.spi.Message;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.TransportException;
import io.micronats.spi.inmemory.InMemoryHub;
import io.micronats.spi.inmemory.InMemoryRegistry;
import io.micronats.spi.inmemory.InMemoryTransport;
import io.micronats.spi.registry.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RpcEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final InMemoryHub hub = InMemoryHub.create();
  private final InMemoryTransport transport = InMemoryTransport.create(hub);
  private final CountingRegistry registry = new CountingRegistry(InMemoryRegistry.create(hub));
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    registry.close();
    transport.close();
  }

  private RpcServer server(String name) {
    AtomicReference<RpcServer> self = new AtomicReference<>();
    RpcServer server = RpcServer.builder().name(name).version("1.0.0")
        .transport(transport).registry(registry)
        .endpoint("Greeter.Hello", request -> Message.of("hello " + request.bodyAsString()))
        .endpoint("Greeter.Who", request -> Message.of(self.get().nodeId()))
        .endpoint("Greeter.Fail", request -> {
          throw new IllegalStateException("no greeting\nfor you");
        })
        .endpoint("Greeter.Slow", request -> {
          Thread.sleep(2_000);
          return Message.empty();
        })
        .build();
    self.set(server);
    toClose.add(server);
    return server.start();
  }

  private RpcClient client(Selector selector) {
    RpcClient client = RpcClient.builder().transport(transport).registry(registry)
        .selector(selector).timeout(WAIT).build();
    toClose.add(client);
    return client;
  }

  @Test
  void callReachesTheEndpointNamedInTheRequest() throws Exception {
    server("greeter");
    RpcClient client = client(Selectors.random());
    assertThat(client.callText("greeter", "Greeter.Hello", "world")).isEqualTo("hello world");
    Message reply = client.call("greeter", "Greeter.Hello", Message.of("again"), Duration.ofSeconds(1));
    assertThat(reply.bodyAsString()).isEqualTo("hello again");
  }

  @Test
  void serverRegistersItsNodeAndDeregistersOnClose() throws Exception {
    RpcServer server = server("greeter");
    Service registered = registry.getService("greeter").get(0);
    assertThat(registered.nodes()).singleElement().satisfies(node -> {
      assertThat(node.id()).startsWith("greeter-").isEqualTo(server.nodeId());
      assertThat(node.address()).isEqualTo(server.address());
    });
    assertThat(registered.endpoints()).extracting(e -> e.name()).contains("Greeter.Hello");
    server.close();
    server.close();
    assertThatThrownBy(() -> registry.getService("greeter")).isInstanceOf(ServiceNotFoundException.class);
  }

  @Test
  void repeatedCallsDoNotQueryTheRegistryAgain() throws Exception {
    server("greeter");
    RpcClient client = client(Selectors.random());
    for (int i = 0; i < 20; i++) {
      client.callText("greeter", "Greeter.Hello", "x");
    }
    assertThat(registry.getServiceCalls.get()).isEqualTo(1);
    assertThat(registry.watchCalls.get()).isEqualTo(1);
  }

  @Test
  void newNodesAreFoundThroughTheWatcher() throws Exception {
    server("greeter");
    RpcClient client = client(Selectors.roundRobin());
    client.callText("greeter", "Greeter.Hello", "x");
    server("greeter");
    Await.until("the cache sees the second node",
        () -> lookupNodes(client, "greeter") == 2);
    assertThat(registry.getServiceCalls.get()).isEqualTo(1);
  }

  @Test
  void roundRobinAlternatesBetweenNodes() throws Exception {
    RpcServer a = server("greeter");
    RpcServer b = server("greeter");
    RpcClient client = client(Selectors.roundRobin());
    Set<String> firstTwo = new HashSet<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(nodeServing(client, a, b));
    }
    firstTwo.addAll(ids.subList(0, 2));
    assertThat(firstTwo).containsExactlyInAnyOrder(a.nodeId(), b.nodeId());
    for (int i = 2; i < 6; i++) {
      assertThat(ids.get(i)).isEqualTo(ids.get(i - 2));
    }
  }

  @Test
  void randomSelectorUsesEveryNode() throws Exception {
    RpcServer a = server("greeter");
    RpcServer b = server("greeter");
    RpcClient client = client(Selectors.random());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100 && seen.size() < 2; i++) {
      seen.add(nodeServing(client, a, b));
    }
    assertThat(seen).containsExactlyInAnyOrder(a.nodeId(), b.nodeId());
  }

  @Test
  void idempotentCallFailsOverWhenANodeIsClosed() throws Exception {
    RpcServer a = server("greeter");
    RpcServer b = server("greeter");
    RpcClient client = client(Selectors.first());
    CallOptions idempotent = CallOptions.defaults().withIdempotent(true);
    String first = nodeServing(client, a, b);
    RpcServer firstServer = first.equals(a.nodeId()) ? a : b;
    RpcServer other = firstServer == a ? b : a;
    // Close the listener but keep the registration, so the client still picks the dead node first.
    registry.freezeDeregistrations = true;
    firstServer.close();
    Message reply = client.call("greeter", "Greeter.Hello", Message.of("you"), idempotent);
    assertThat(reply.bodyAsString()).isEqualTo("hello you");
    assertThat(lookupNodes(client, "greeter")).isEqualTo(2);
    assertThat(nodeServing(client, a, b)).isEqualTo(other.nodeId());
  }

  @Test
  void nonIdempotentCallIsNotRepeatedWhenTheConnectionFailsAfterSending() throws Exception {
    RpcServer a = server("greeter");
    RpcClient client = client(Selectors.first());
    client.callText("greeter", "Greeter.Hello", "warm-up");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Message> slow = pool.submit(() -> client.call("greeter", "Greeter.Slow", Message.empty()));
      Thread.sleep(200);
      registry.freezeDeregistrations = true;
      a.close();
      assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(TransportException.class)
          .hasMessageContaining("may have processed");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void callTimesOutWithATypedException() {
    server("greeter");
    RpcClient client = client(Selectors.random());
    assertThatThrownBy(() -> client.call("greeter", "Greeter.Slow", Message.empty(), Duration.ofMillis(200)))
        .isInstanceOf(OperationTimeoutException.class)
        .hasMessageContaining("Greeter.Slow").hasMessageContaining("200 ms");
  }

  @Test
  void handlerFailureIsARemoteErrorAndTheServerKeepsServing() throws Exception {
    server("greeter");
    RpcClient client = client(Selectors.random());
    assertThatThrownBy(() -> client.call("greeter", "Greeter.Fail", Message.empty()))
        .isInstanceOfSatisfying(RemoteException.class, e -> {
          assertThat(e.code()).isEqualTo(RpcHeaders.INTERNAL_ERROR);
          assertThat(e.endpoint()).isEqualTo("Greeter.Fail");
          assertThat(e.service()).isEqualTo("greeter");
          assertThat(e.remoteMessage()).isEqualTo("no greeting\nfor you");
        });
    assertThat(client.callText("greeter", "Greeter.Hello", "still there")).isEqualTo("hello still there");
  }

  @Test
  void unknownEndpointIsARemoteNotFound() {
    server("greeter");
    RpcClient client = client(Selectors.random());
    assertThatThrownBy(() -> client.call("greeter", "Greeter.Nope", Message.empty()))
        .isInstanceOfSatisfying(RemoteException.class,
            e -> assertThat(e.code()).isEqualTo(RpcHeaders.NOT_FOUND))
        .hasMessageContaining("Greeter.Nope");
  }

  @Test
  void unknownServiceIsNotFoundAndLaterFoundThroughTheWatcher() throws Exception {
    RpcClient client = RpcClient.builder().transport(transport).registry(registry)
        .timeout(WAIT).notFoundRecheck(Duration.ofHours(1)).build(); // only the watcher can find it
    toClose.add(client);
    assertThatThrownBy(() -> client.call("greeter", "Greeter.Hello", Message.empty()))
        .isInstanceOf(ServiceNotFoundException.class).hasMessageContaining("'greeter'");
    server("greeter");
    Await.until("service appears", () -> lookupNodes(client, "greeter") == 1);
    assertThat(client.callText("greeter", "Greeter.Hello", "late")).isEqualTo("hello late");
    assertThat(registry.getServiceCalls.get()).isEqualTo(1);
  }

  @Test
  void aMissedLookupIsAskedAgainAfterTheRecheckIntervalNotCachedForGood() throws Exception {
    server("greeter");
    Duration recheck = Duration.ofMillis(300);
    RpcClient client = RpcClient.builder().transport(transport).registry(registry)
        .timeout(WAIT).notFoundRecheck(recheck).build();
    toClose.add(client);
    registry.lookupsToMiss.set(1); // the first lookup misses the node, as a late registry answer does
    long missedAt = System.nanoTime();
    assertThatThrownBy(() -> client.call("greeter", "Greeter.Hello", Message.empty()))
        .isInstanceOf(ServiceNotFoundException.class);
    // Within the interval the cache answers: no lookup per call.
    while (System.nanoTime() - missedAt < recheck.toNanos() / 2) {
      assertThatThrownBy(() -> client.call("greeter", "Greeter.Hello", Message.empty()))
          .isInstanceOf(ServiceNotFoundException.class);
    }
    assertThat(registry.getServiceCalls.get()).isEqualTo(1);
    Await.until("a call after the recheck interval finds the node", () -> {
      try {
        return client.callText("greeter", "Greeter.Hello", "again").equals("hello again");
      } catch (ServiceNotFoundException e) {
        return false;
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    });
    assertThat(System.nanoTime() - missedAt).isGreaterThanOrEqualTo(recheck.toNanos());
    assertThat(registry.getServiceCalls.get()).isEqualTo(2);
    client.callText("greeter", "Greeter.Hello", "cached");
    assertThat(registry.getServiceCalls.get()).isEqualTo(2);
  }

  @Test
  void concurrentCallersOfAnEmptyEntryCauseOneRecheckAtATime() throws Exception {
    RpcClient client = RpcClient.builder().transport(transport).registry(registry)
        .timeout(WAIT).notFoundRecheck(Duration.ofMillis(200)).build();
    toClose.add(client);
    assertThatThrownBy(() -> client.call("absent", "X.Y", Message.empty()))
        .isInstanceOf(ServiceNotFoundException.class);
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      long end = System.nanoTime() + Duration.ofMillis(700).toNanos(); // after the first lookup
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(callers.submit(() -> {
          while (System.nanoTime() - end < 0) {
            assertThatThrownBy(() -> client.call("absent", "X.Y", Message.empty()))
                .isInstanceOf(ServiceNotFoundException.class);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(10, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }
    // 700 ms with a 200 ms interval after the first lookup: 1 to 3 rechecks, not one per call.
    assertThat(registry.getServiceCalls.get()).isBetween(2, 4);
  }

  @Test
  void deregisteredNodesLeaveTheCache() throws Exception {
    RpcServer a = server("greeter");
    RpcClient client = client(Selectors.random());
    client.callText("greeter", "Greeter.Hello", "x");
    a.close();
    Await.until("node gone", () -> lookupNodes(client, "greeter") == 0);
    assertThatThrownBy(() -> client.call("greeter", "Greeter.Hello", Message.empty()))
        .isInstanceOf(ServiceNotFoundException.class);
  }

  @Test
  void cacheStartsOverWithANewWatcherWhenTheWatcherDies() throws Exception {
    server("greeter");
    RpcClient client = client(Selectors.random());
    client.callText("greeter", "Greeter.Hello", "x");
    registry.killWatchers();
    Await.until("a new lookup after the watcher died", () -> {
      try {
        client.callText("greeter", "Greeter.Hello", "y");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return registry.getServiceCalls.get() == 2 && registry.watchCalls.get() == 2;
    });
    server("greeter");
    Await.until("the new watcher sees the second node", () -> lookupNodes(client, "greeter") == 2);
  }

  @Test
  void sixtyFourConcurrentCallsRunTogether() throws Exception {
    CountDownLatch all = new CountDownLatch(64);
    RpcServer server = RpcServer.builder().name("barrier").transport(transport).registry(registry)
        .endpoint("Wait", request -> {
          all.countDown();
          return Message.of(Boolean.toString(all.await(5, TimeUnit.SECONDS)));
        }).build().start();
    toClose.add(server);
    RpcClient client = client(Selectors.random());
    ExecutorService pool = Executors.newFixedThreadPool(64);
    try {
      List<Future<String>> replies = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        replies.add(pool.submit(() -> client.callText("barrier", "Wait", "")));
      }
      for (Future<String> reply : replies) {
        assertThat(reply.get(10, TimeUnit.SECONDS)).isEqualTo("true");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int lookupNodes(RpcClient client, String name) {
    try {
      return client.lookup(name).stream().mapToInt(s -> s.nodes().size()).sum();
    } catch (ServiceNotFoundException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The id of the node that served a call (one of {@code a} and {@code b}). */
  private static String nodeServing(RpcClient client, RpcServer a, RpcServer b) throws Exception {
    String id = client.callText("greeter", "Greeter.Who", "");
    assertThat(id).isIn(a.nodeId(), b.nodeId());
    return id;
  }
}
