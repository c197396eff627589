package io.micronats.nats.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronats.nats.broker.NatsBroker;
import io.micronats.nats.registry.LookupStrategy;
import io.micronats.nats.registry.NatsRegistry;
import io.micronats.nats.transport.NatsTransport;
import io.micronats.spi.Message;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Every attack at once for 10 s alongside normal load: nothing lost unreported, lookups complete, memory bounded. */
// -Xlint:try: jnats' Connection.close() declares InterruptedException; a test method throws it.
@SuppressWarnings("try")
class HostileSoakTest extends OneNode {

  private static final long RSS_BOUND_KIB = 1024 * 1024; // 1 GiB for the whole test JVM

  @Test
  void tenSecondsOfEveryAttackAtOnceAlongsideNormalLoad() throws Exception {
    Set<String> got = ConcurrentHashMap.newKeySet();
    AtomicLong reported = new AtomicLong();
    long lookupFailures = 0;
    long lookups = 0;
    long calls = 0;
    AtomicBoolean attacking = new AtomicBoolean(true);
    String huge = "{\"action\":\"create\",\"service\":{\"name\":\"soak\",\"version\":" + "1".repeat(900_000) + "}}";
    try (NatsBroker pub = broker(); NatsBroker sub = broker();
         NatsRegistry owner = NatsRegistry.builder().config(settings()).build().startQuietly();
         NatsRegistry asking = NatsRegistry.builder().config(settings()).strategy(LookupStrategy.EARLY_COMPLETION).build().startQuietly();
         NatsTransport server = NatsTransport.builder().config(settings().with(NatsTransport.ACCEPT_THREADS, "16")
             .with(NatsTransport.IDLE_TIMEOUT, "2s")).build();
         NatsTransport client = NatsTransport.builder().config(settings()).build();
         Listener echo = server.serve(m -> m);
         Listener accept = server.listen(s -> s.send(s.receive(Duration.ofSeconds(30))));
         Socket socket = client.dial(echo.address());
         Connection stranger = stranger();
         RawProtocol raw = new RawProtocol(cluster.node(0).clientUrl())) {
      sub.subscribe("soak.topic", e -> got.add(e.message().bodyAsString()),
          SubscribeOptions.defaults().withErrorHandler((t, e, err) -> reported.incrementAndGet()));
      cluster.awaitInterest("soak.topic", Duration.ofSeconds(10));
      owner.register(Service.of("soak.svc", "1.0", Node.of("n-1", "inbox.n-1")));
      await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> asking.getService("soak.svc").size() == 1);
      stranger.createDispatcher(m -> { }).subscribe("_INBOX.soak.>");
      Thread attacker = new Thread(() -> {
        long i = 0;
        while (attacking.get()) {
          try {
            raw.publishMalformed("soak.topic", "BAD!", "x");
            raw.publishMalformed(owner.watchSubject(), "BAD!", "x");
            stranger.publish(owner.watchSubject(), huge.getBytes(StandardCharsets.US_ASCII));
            stranger.publish(owner.querySubject(), "_INBOX.soak.q", "{\"action\":\"get\",\"service\":{\"name\":[[[[".getBytes(StandardCharsets.US_ASCII));
            stranger.publish(accept.address(), "_INBOX.soak." + i++, new Headers().put("Mn-Ctl", "open"), new byte[0]);
            stranger.publish("_INBOX.>", "injected".getBytes(StandardCharsets.US_ASCII));
            stranger.flush(Duration.ofSeconds(5));
            Thread.sleep(20);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      }, "soak-attacker");
      attacker.start();
      long published = 0;
      long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < end) {
        for (int k = 0; k < 20; k++) {
          pub.publish("soak.topic", Message.of("m" + published++));
        }
        socket.send(Message.of("c" + calls));
        assertThat(socket.receive(Duration.ofSeconds(5)).bodyAsString()).isEqualTo("c" + calls++);
        lookups++;
        try {
          assertThat(asking.getService("soak.svc").get(0).nodes()).hasSize(1);
        } catch (RuntimeException e) {
          lookupFailures++;
        }
      }
      attacking.set(false);
      attacker.join(10_000);
      long sent = published;
      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() + sub.stats().dropped() == sent);
      long rss = rssKib();
      System.out.printf("soak: %d broker messages (%d delivered, %d dropped, %d malformed reported), %d calls,"
          + " %d lookups (%d failed), transport stale/mismatched %d/%d, refused %d, expired %d, RSS %d MiB%n",
          sent, got.size(), sub.stats().dropped(), sub.stats().malformed(), calls, lookups,
          lookupFailures, client.stats().stale(), client.stats().mismatched(), server.stats().refused(),
          server.stats().expired(), rss / 1024);
      assertThat(sub.stats().dropped()).as("slow-consumer drops are reported too").isLessThanOrEqualTo(reported.get());
      assertThat(sub.stats().malformed()).isPositive();
      assertThat(lookupFailures).isZero();
      assertThat(attacker.isAlive()).isFalse();
      assertThat(rss).isLessThan(RSS_BOUND_KIB);
    }
  }

  private static NatsBroker broker() {
    NatsBroker b = NatsBroker.builder().config(settings()).build();
    b.connect();
    return b;
  }

  private static long rssKib() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }
}
