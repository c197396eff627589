package io.micronats.nats.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronats.nats.broker.NatsBroker;
import io.micronats.spi.Message;
import io.micronats.spi.broker.SubscribeOptions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A stranger on the broker's topics: nothing it sends stalls a subscriber or goes unreported. */
class HostileBrokerTest extends OneNode {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static NatsBroker broker() {
    NatsBroker broker = NatsBroker.builder().config(settings()).build();
    broker.connect();
    return broker;
  }

  /** Finding 1: a malformed header block used to stop the subscriber's connection from reading. */
  @Test
  void aMalformedHeaderBlockIsDroppedAndReportedAndTheConnectionKeepsReading() throws Exception {
    Set<String> got = ConcurrentHashMap.newKeySet();
    List<Throwable> reported = new CopyOnWriteArrayList<>();
    try (NatsBroker pub = broker(); NatsBroker sub = broker();
         RawProtocol raw = new RawProtocol(cluster.node(0).clientUrl())) {
      sub.subscribe("hostile.orders", e -> got.add(e.message().bodyAsString()),
          SubscribeOptions.defaults().withErrorHandler((topic, event, error) -> reported.add(error)));
      cluster.awaitInterest("hostile.orders", WAIT);
      for (int i = 0; i < 48; i++) {
        pub.publish("hostile.orders", Message.of("m" + i));
      }
      raw.publishMalformed("hostile.orders", "BROKEN\r\n", "junk-body!!!");
      raw.publishMalformed("hostile.orders", "NATS/1.0\r\nno-colon-here\r\n\r\n", "x");
      for (int i = 48; i < 96; i++) {
        pub.publish("hostile.orders", Message.of("m" + i));
      }
      await().atMost(Duration.ofSeconds(3)).until(() -> got.size() == 96 && reported.size() == 2);
      assertThat(sub.stats().malformed()).isEqualTo(2);
      assertThat(sub.stats().delivered()).isEqualTo(96);
      assertThat(reported).allSatisfy(e -> assertThat(e).hasMessageContaining("malformed"));
    }
  }
}
