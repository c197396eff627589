package io.micronats.nats.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lookups that finish as soon as the answer is known, on a real 3-node cluster: a fresh registry
 * completes on the instances the answers name, and a deregistered name is reported gone without
 * waiting the whole window.
 */
class PromptLookupTest extends RegistryClusterFixture {

  static NatsRegistry start(int node, LookupStrategy strategy, Duration window, Duration quiet) {
    return on(node).strategy(strategy).window(window).quiet(quiet).build().startQuietly();
  }

  @Test
  void freshRegistryCompletesOnTheInstancesTheAnswersNameWithoutTheQuietPeriod() {
    try (NatsRegistry a = start(0, LookupStrategy.EARLY_COMPLETION, Duration.ofMillis(100), Duration.ofMillis(20))) {
      a.register(Service.of("fresh.svc", "1.0", Node.of("a-1", "inbox.a-1")));
      // Created after the registration: its watch stream never saw the service.
      try (NatsRegistry fresh = start(1, LookupStrategy.EARLY_COMPLETION, Duration.ofSeconds(5), Duration.ofSeconds(3))) {
        long begin = System.nanoTime();
        List<Service> found = fresh.getService("fresh.svc");
        Duration took = Duration.ofNanos(System.nanoTime() - begin);
        assertThat(found.get(0).nodes()).extracting(Node::id).containsExactly("a-1");
        assertThat(took).as("well under the 3 s quiet period").isLessThan(Duration.ofSeconds(1));
      }
    }
  }

  @Test
  void earlyCompletionReportsADeregisteredNameGoneWithoutTheWholeWindow() throws Exception {
    Duration window = Duration.ofSeconds(3);
    try (NatsRegistry a = start(0, LookupStrategy.EARLY_COMPLETION, Duration.ofMillis(100), Duration.ofMillis(20));
         NatsRegistry reader = start(2, LookupStrategy.EARLY_COMPLETION, window, Duration.ofMillis(20))) {
      Service svc = Service.of("gone.svc", "1.0", Node.of("g-1", "inbox.g-1"));
      a.register(svc);
      assertThat(reader.getService("gone.svc")).hasSize(1);
      a.deregister(svc);
      Duration lastTook = awaitNotFound(reader, "gone.svc");
      assertThat(lastTook).as("the not-found lookup, against a window of " + window).isLessThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void cachedLookupReportsADeregisteredNameGoneFromTheCache() throws Exception {
    Duration window = Duration.ofSeconds(3);
    try (NatsRegistry a = start(0, LookupStrategy.EARLY_COMPLETION, Duration.ofMillis(100), Duration.ofMillis(20));
         NatsRegistry cached = start(1, LookupStrategy.CACHED, window, Duration.ofMillis(20))) {
      Service svc = Service.of("gone.cached", "1.0", Node.of("c-1", "inbox.c-1"));
      a.register(svc);
      assertThat(cached.getService("gone.cached")).hasSize(1);
      long hitsBefore = cached.stats().cacheHits();
      a.deregister(svc);
      Duration lastTook = awaitNotFound(cached, "gone.cached");
      assertThat(lastTook).isLessThan(Duration.ofMillis(500));
      assertThat(cached.stats().cacheHits()).as("answered from the cache").isGreaterThan(hitsBefore);
      // Registered again: the watch stream brings it back.
      a.register(svc);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (true) {
        try {
          assertThat(cached.getService("gone.cached").get(0).nodes()).hasSize(1);
          break;
        } catch (ServiceNotFoundException e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
          Thread.sleep(5);
        }
      }
    }
  }

  @Test
  void neverRegisteredNameStillCostsTheWholeWindow() {
    try (NatsRegistry reader = start(1, LookupStrategy.EARLY_COMPLETION, Duration.ofMillis(300), Duration.ofMillis(20))) {
      long begin = System.nanoTime();
      assertThrows(ServiceNotFoundException.class, () -> reader.getService("never.registered"));
      assertThat(Duration.ofNanos(System.nanoTime() - begin)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  /** Polls until the name is not found; the duration of that final lookup. */
  static Duration awaitNotFound(NatsRegistry registry, String name) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      long begin = System.nanoTime();
      try {
        registry.getService(name);
      } catch (ServiceNotFoundException e) {
        return Duration.ofNanos(System.nanoTime() - begin);
      }
      Thread.sleep(2);
    }
    throw new AssertionError("'" + name + "' was still found after " + WAIT);
  }
}
