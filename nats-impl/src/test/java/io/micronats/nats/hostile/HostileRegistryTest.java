package io.micronats.nats.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronats.nats.internal.JsonLimits;
import io.micronats.nats.registry.LookupStrategy;
import io.micronats.nats.registry.NatsRegistry;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A stranger on the registry's subjects: lookups stay complete and prompt. */
// -Xlint:try: jnats' Connection.close() declares InterruptedException; a test method throws it.
@SuppressWarnings("try")
class HostileRegistryTest extends OneNode {

  /** Until the owner's registration and answering subscription are visible (eventual consistency). */
  static void awaitFound(NatsRegistry registry, String name) {
    await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
        .until(() -> registry.getService(name).get(0).nodes().size() == 1);
  }

  private static NatsRegistry registry(LookupStrategy strategy) {
    return NatsRegistry.builder().config(settings()).strategy(strategy).build().startQuietly();
  }

  /** Finding 1: a malformed header block on the query or watch subject used to stall every registry. */
  @Test
  void malformedHeaderBlocksOnTheRegistrySubjectsDoNotStallLookups() throws Exception {
    try (NatsRegistry owner = registry(LookupStrategy.EARLY_COMPLETION);
         NatsRegistry asking = registry(LookupStrategy.EARLY_COMPLETION);
         RawProtocol raw = new RawProtocol(cluster.node(0).clientUrl())) {
      owner.register(Service.of("hostile.reg", "1.0", Node.of("n-1", "inbox.n-1")));
      awaitFound(asking, "hostile.reg");
      for (int round = 0; round < 20; round++) {
        raw.publishMalformed(owner.querySubject(), "XXXX\r\n", "{\"x\":1}");
        raw.publishMalformed(owner.watchSubject(), "NOT-NATS", "{}");
        long start = System.nanoTime();
        assertThat(asking.getService("hostile.reg").get(0).nodes()).as("round %d", round).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
      }
    }
  }

  /** Finding 2: a 1,000,000-digit number used to freeze every registry for half a minute. */
  @Test
  void aMillionDigitNumberIsRefusedAtOnceAndCounted() throws Exception {
    String huge = "{\"action\":\"create\",\"service\":{\"name\":\"hostile.num\",\"version\":"
        + "7".repeat(1_000_000) + "}}";
    long before = JsonLimits.rejections().numberTooLong();
    try (NatsRegistry owner = registry(LookupStrategy.EARLY_COMPLETION);
         NatsRegistry asking = registry(LookupStrategy.EARLY_COMPLETION);
         Connection stranger = stranger()) {
      owner.register(Service.of("hostile.reg2", "1.0", Node.of("n-1", "inbox.n-1")));
      awaitFound(asking, "hostile.reg2");
      for (int round = 0; round < 5; round++) {
        stranger.publish(owner.watchSubject(), huge.getBytes(StandardCharsets.US_ASCII));
        stranger.publish(owner.querySubject(), "_INBOX.x", huge.getBytes(StandardCharsets.US_ASCII));
        stranger.flush(Duration.ofSeconds(5));
        long start = System.nanoTime();
        awaitFound(asking, "hostile.reg2");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("round %d: found again after %d ms%n", round, took.toMillis());
        assertThat(took).as("round %d", round).isLessThan(Duration.ofSeconds(2));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> JsonLimits.rejections().numberTooLong() - before >= 10);
    }
  }
}
