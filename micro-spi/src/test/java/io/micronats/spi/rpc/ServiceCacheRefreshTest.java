package io.micronats.spi.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.spi.internal.Deadline;
import io.micronats.spi.inmemory.InMemoryHub;
import io.micronats.spi.inmemory.InMemoryRegistry;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cache's refresh of services it knows nodes of: a first lookup that heard only some
 * instances is completed by a later one, and a refresh never brings back a node that a watch
 * event removed.
 */
class ServiceCacheRefreshTest {

  private static final Duration REFRESH = Duration.ofMillis(200);
  private final CountingRegistry registry = new CountingRegistry(InMemoryRegistry.create(InMemoryHub.create()));
  private final List<String> gone = new CopyOnWriteArrayList<>();
  private final ServiceCache cache = new ServiceCache(registry, gone::add, ServiceCache.EMPTY_RECHECK, REFRESH);

  @AfterEach
  void close() {
    cache.close();
    registry.close();
  }

  @Test
  void nodesAFirstLookupMissedAreAddedByALaterRefresh() throws Exception {
    registry.register(Service.of("svc", "1", Node.of("a", "addr-a"), Node.of("b", "addr-b")));
    registry.lookupsToTruncate.set(1);

    assertThat(ids()).containsExactly("a");
    int asked = registry.getServiceCalls.get();
    assertThat(ids()).as("answered from the cache until the refresh is due").containsExactly("a");
    assertThat(registry.getServiceCalls.get()).isEqualTo(asked);

    await(() -> ids().size() == 2);
    assertThat(ids()).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void aRefreshAnswerThatPredatesARemovalDoesNotBringTheNodeBack() throws Exception {
    registry.register(Service.of("svc", "1", Node.of("a", "addr-a"), Node.of("b", "addr-b")));
    assertThat(ids()).containsExactlyInAnyOrder("a", "b");
    // the next refresh's answer still lists b; b's removal reaches the cache before that answer does
    registry.beforeNextAnswer.set(() -> {
      registry.deregister(Service.of("svc", "1", Node.of("b", "addr-b")));
      try {
        await(() -> gone.contains("addr-b"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    int asked = registry.getServiceCalls.get();
    await(() -> ids().size() == 1 && registry.beforeNextAnswer.get() == null); // lookups make the refresh happen
    assertThat(registry.getServiceCalls.get()).isGreaterThan(asked);
    assertThat(ids()).containsExactly("a");
    Thread.sleep(REFRESH.toMillis() * 2); // later refreshes (b is gone from the registry by now) keep it out
    assertThat(ids()).containsExactly("a");
  }

  private List<String> ids() throws InterruptedException {
    return cache.nodes("svc", Deadline.after(Duration.ofSeconds(5))).stream().map(Node::id).toList();
  }

  private static void await(Check condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.holds()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private interface Check {
    boolean holds() throws Exception;
  }
}
