package io.micronats.nats.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.nats.registry.LookupStrategy;
import io.micronats.nats.registry.NatsRegistry;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A stranger on the registry's subjects: lookups stay complete and prompt. */
class HostileRegistryTest extends OneNode {

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
      assertThat(asking.getService("hostile.reg").get(0).nodes()).hasSize(1);
      for (int round = 0; round < 20; round++) {
        raw.publishMalformed(owner.querySubject(), "XXXX\r\n", "{\"x\":1}");
        raw.publishMalformed(owner.watchSubject(), "NOT-NATS", "{}");
        long start = System.nanoTime();
        assertThat(asking.getService("hostile.reg").get(0).nodes()).as("round %d", round).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
      }
    }
  }
}
