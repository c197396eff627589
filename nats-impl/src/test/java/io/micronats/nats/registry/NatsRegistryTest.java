package io.micronats.nats.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronats.spi.RegistryException;
import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.WatchEvent;
import io.micronats.spi.registry.Watcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The NATS registry on a real 3-node cluster; instances of one test sit on different nodes. */
class NatsRegistryTest extends RegistryClusterFixture {

  static NatsRegistry start(NatsRegistry.Builder builder) {
    return builder.build().startQuietly();
  }

  @Test
  void earlyCompletionReturnsWellBeforeTheWindow() throws Exception {
    try (NatsRegistry a = start(on(0)); NatsRegistry c = start(on(2));
         NatsRegistry early = start(on(1).window(Duration.ofSeconds(2)));
         NatsRegistry fixed = start(on(1).window(Duration.ofMillis(300)).strategy(LookupStrategy.FIXED_WINDOW))) {
      a.register(Service.of("early.svc", "1.0", Node.of("a-1", "inbox.a-1")));
      c.register(Service.of("early.svc", "1.0", Node.of("c-1", "inbox.c-1")));
      // a query right after both registrations may complete before anyone heard of the second
      // (eventual consistency); once the registrations have travelled, it finds both, early
      await(() -> !notFound(early, "early.svc") && early.getService("early.svc").get(0).nodes().size() == 2);
      long start = System.nanoTime();
      List<Service> found = early.getService("early.svc");
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(found).hasSize(1);
      assertThat(found.get(0).nodes()).extracting(Node::id).containsExactlyInAnyOrder("a-1", "c-1");
      assertThat(took).isLessThan(Duration.ofSeconds(1));
      start = System.nanoTime();
      assertThat(fixed.getService("early.svc").get(0).nodes()).hasSize(2);
      Duration fixedTook = Duration.ofNanos(System.nanoTime() - start);
      assertThat(fixedTook).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      System.out.printf("lookup of 2 instances across routes: early completion %.1f ms (window 2 s), fixed window %.1f ms%n",
          took.toNanos() / 1e6, fixedTook.toNanos() / 1e6);
    }
  }

  @Test
  void cachedLookupsCostMicrosecondsAndFollowWatchEvents() throws Exception {
    try (NatsRegistry a = start(on(0)); NatsRegistry cached = start(on(1).strategy(LookupStrategy.CACHED))) {
      a.register(Service.of("cached.svc", "1.0", Node.of("n-1", "inbox.n-1")));
      // the first lookup asks the cluster, and a's answering subscription may still be on its way to node 1
      await(() -> !notFound(cached, "cached.svc"));
      assertThat(cached.getService("cached.svc").get(0).nodes()).hasSize(1);
      long start = System.nanoTime();
      for (int i = 0; i < 1000; i++) {
        cached.getService("cached.svc");
      }
      Duration perLookup = Duration.ofNanos((System.nanoTime() - start) / 1000);
      System.out.printf("cached lookup: %.1f us each%n", perLookup.toNanos() / 1e3);
      assertThat(perLookup).isLessThan(Duration.ofMillis(1));
      assertThat(cached.stats().cacheHits()).isGreaterThanOrEqualTo(1000);
      a.register(Service.of("cached.svc", "1.0", Node.of("n-2", "inbox.n-2")));
      await(() -> cached.getService("cached.svc").get(0).nodes().size() == 2);
      a.deregister(Service.of("cached.svc", "1.0", Node.of("n-1", "x"), Node.of("n-2", "y")));
      await(() -> notFound(cached, "cached.svc"));
    }
  }

  @Test
  void crashedInstanceNodesExpireForWatchers() throws Exception {
    try (NatsRegistry watcherSide = start(on(1)); Watcher watcher = watcherSide.watch("ttl.crash")) {
      NatsRegistry owner = start(on(0));
      owner.register(Service.of("ttl.crash", "1.0", Node.of("doomed", "inbox.doomed")), RegisterOptions.ttl(Duration.ofMillis(600)));
      WatchEvent created = next(watcher);
      assertThat(created.action()).isEqualTo(WatchEvent.Action.CREATE);
      owner.close(); // a crash: no deregistration, no more heartbeats, no expiry announced by the owner
      long start = System.nanoTime();
      WatchEvent gone = next(watcher);
      assertThat(gone.action()).isEqualTo(WatchEvent.Action.DELETE);
      assertThat(gone.service().nodes()).extracting(Node::id).containsExactly("doomed");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(watcherSide.stats().expiredRemote()).isEqualTo(1);
    }
  }

  @Test
  void ttlExpiresUnlessHeartbeatsContinue() throws Exception {
    try (NatsRegistry owner = start(on(2)); NatsRegistry reader = start(on(0)); Watcher watcher = reader.watch("ttl.beat")) {
      Service s = Service.of("ttl.beat", "1.0", Node.of("beating", "inbox.beating"));
      long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
      while (System.nanoTime() < end) {
        owner.register(s, RegisterOptions.ttl(Duration.ofMillis(500)));
        Thread.sleep(100);
      }
      assertThat(next(watcher).action()).isEqualTo(WatchEvent.Action.CREATE);
      assertThat(watcher.next(Duration.ofMillis(100))).isEmpty();
      assertThat(reader.getService("ttl.beat").get(0).nodes()).hasSize(1);
      WatchEvent gone = next(watcher);
      assertThat(gone.action()).isEqualTo(WatchEvent.Action.DELETE);
      assertThrows(ServiceNotFoundException.class, () -> reader.getService("ttl.beat"));
      assertThat(owner.stats().expiredLocal()).isEqualTo(1);
    }
  }

  @Test
  void unknownNameIsNotFoundAndUnreachableNatsIsAnError() {
    try (NatsRegistry reader = start(on(1).window(Duration.ofMillis(100)))) {
      assertThrows(ServiceNotFoundException.class, () -> reader.getService("no.such.service"));
    }
    try (NatsRegistry dead = start(NatsRegistry.builder().config(PluginConfig.of("addresses", "nats://127.0.0.1:1",
        "connect.timeout", "300ms")))) {
      RegistryException e = assertThrows(RegistryException.class, () -> dead.getService("any.service"));
      assertThat(e).isNotInstanceOf(ServiceNotFoundException.class);
      assertThat(e.getMessage()).startsWith("cannot reach NATS at [nats://127.0.0.1:1]");
      assertThrows(RegistryException.class, dead::listServices);
    }
  }

  @Test
  void nodesAreDeduplicatedAcrossInstancesAndDeregistrationRemoves() {
    try (NatsRegistry a = start(on(0)); NatsRegistry b = start(on(1)); NatsRegistry c = start(on(2))) {
      Service s = Service.of("dedupe.svc", "2.0", Node.of("same", "inbox.same"));
      a.register(s);
      a.register(s);
      c.register(s);
      List<Service> found = b.getService("dedupe.svc");
      assertThat(found).hasSize(1);
      assertThat(found.get(0).nodes()).extracting(Node::id).containsExactly("same");
      a.deregister(s);
      c.deregister(s);
      assertThrows(ServiceNotFoundException.class, () -> b.getService("dedupe.svc"));
    }
  }

  @Test
  void strangersOnTheQuerySubjectAreIgnoredAndCounted() throws Exception {
    try (NatsRegistry answering = start(on(0)); NatsRegistry asking = start(on(1))) {
      answering.register(Service.of("stranger.svc", "1.0", Node.of("s-1", "inbox.s-1")));
      io.nats.client.Connection raw = io.nats.client.Nats.connect(cluster.node(2).clientUrl());
      try {
        byte[] random = new byte[512];
        ThreadLocalRandom.current().nextBytes(random);
        byte[] huge = new byte[900 * 1024];
        java.util.Arrays.fill(huge, (byte) '[');
        String q = answering.querySubject();
        raw.publish(q, "_INBOX.stranger.1", random);
        raw.publish(q, "_INBOX.stranger.2", "{\"Action\":\"get\",\"Service\":{\"name\":".getBytes(StandardCharsets.UTF_8));
        raw.publish(q, "_INBOX.stranger.3", huge);
        raw.publish(q, "_INBOX.stranger.4", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]".getBytes(StandardCharsets.UTF_8));
        raw.publish(q, (String) null, "{\"Action\":\"get\",\"Service\":{\"name\":\"stranger.svc\"}}".getBytes(StandardCharsets.UTF_8));
        raw.publish(answering.watchSubject(), "not json".getBytes(StandardCharsets.UTF_8));
        raw.flush(Duration.ofSeconds(5));
        await(() -> answering.stats().strangers() >= 6);
        assertThat(asking.getService("stranger.svc").get(0).nodes()).extracting(Node::id).containsExactly("s-1");
      } finally {
        raw.close();
      }
    }
  }

  @Test
  void customSubjectsAreHonoured() throws Exception {
    io.nats.client.Connection raw = io.nats.client.Nats.connect(cluster.node(0).clientUrl());
    try (NatsRegistry custom = start(on(1).querySubject("custom.test.query").watchSubject("custom.test.watch"))) {
      io.nats.client.Subscription q = raw.subscribe("custom.test.query");
      io.nats.client.Subscription w = raw.subscribe("custom.test.watch");
      raw.flush(Duration.ofSeconds(5));
      cluster.awaitInterest("custom.test.watch", WAIT);
      custom.register(Service.of("custom.svc", "1.0", Node.of("c", "inbox.c")));
      assertThat(w.nextMessage(WAIT)).isNotNull();
      custom.listServices();
      assertThat(q.nextMessage(WAIT)).isNotNull();
    } finally {
      raw.close();
    }
  }

  static boolean notFound(NatsRegistry registry, String name) {
    try {
      registry.getService(name);
      return false;
    } catch (ServiceNotFoundException e) {
      return true;
    }
  }

  static WatchEvent next(Watcher watcher) throws InterruptedException {
    Optional<WatchEvent> e = watcher.next(WAIT);
    assertThat(e).as("a watch event within " + WAIT).isPresent();
    return e.get();
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(20);
    }
  }
}
