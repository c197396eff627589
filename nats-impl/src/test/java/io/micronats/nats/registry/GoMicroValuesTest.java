package io.micronats.nats.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.Watcher;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * go-micro values that micronats' data model refuses (an empty node id, a name with a space) are
 * refused visibly, on a real cluster: a lookup throws {@link UnsupportedValueException} naming the
 * value, a list leaves the service out, a watch event is not handed out, and each is counted in
 * {@code refused} (not as a stranger).
 */
class GoMicroValuesTest extends RegistryClusterFixture {

  static final String EMPTY_ID = "{\"name\":\"go.srv.noid\",\"version\":\"1.0.0\",\"metadata\":null,\"endpoints\":null,"
      + "\"nodes\":[{\"id\":\"\",\"address\":\"_INBOX.noid\",\"metadata\":null},"
      + "{\"id\":\"go.srv.noid-1\",\"address\":\"_INBOX.ok\",\"metadata\":null}]}";
  static final String SPACED = "{\"name\":\"go srv spaced\",\"version\":\"1.0.0\",\"metadata\":null,\"endpoints\":null,"
      + "\"nodes\":[{\"id\":\"s-1\",\"address\":\"_INBOX.s1\",\"metadata\":null}]}";

  @Test
  void refusedValuesAreReportedNeverSilentlyDropped() throws Exception {
    Connection go = Nats.connect(cluster.node(0).clientUrl());
    try (NatsRegistry java = on(1).profile(WireProfile.GO_MICRO).build().startQuietly();
         Watcher watcher = java.watch()) {
      go.createDispatcher(msg -> {
        String q = new String(msg.getData(), StandardCharsets.UTF_8);
        if (q.contains("\"list\"") || q.contains("go.srv.noid")) {
          go.publish(msg.getReplyTo(), EMPTY_ID.getBytes(StandardCharsets.UTF_8));
        }
        if (q.contains("\"list\"")) {
          go.publish(msg.getReplyTo(), SPACED.getBytes(StandardCharsets.UTF_8));
        }
      }).subscribe("micro.registry.nats.query");
      go.flush(WAIT);
      cluster.awaitInterest("micro.registry.nats.query", WAIT);

      assertThatThrownBy(() -> java.getService("go.srv.noid")).isInstanceOf(UnsupportedValueException.class)
          .hasMessageContaining("go.srv.noid").hasMessageContaining("_INBOX.noid").hasMessageContaining("empty id");
      long refusedAfterLookup = java.stats().refused();
      assertThat(refusedAfterLookup).isPositive();

      assertThat(java.listServices()).extracting(Service::name).doesNotContain("go srv spaced", "go.srv.noid");
      assertThat(java.stats().refused()).isGreaterThanOrEqualTo(refusedAfterLookup + 2);

      long strangers = java.stats().strangers();
      long refused = java.stats().refused();
      go.publish("micro.registry.nats.watch", ("{\"Action\":\"create\",\"Service\":" + EMPTY_ID + "}").getBytes(StandardCharsets.UTF_8));
      go.flush(WAIT);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (java.stats().refused() == refused && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(java.stats().refused()).isEqualTo(refused + 1);
      assertThat(java.stats().strangers()).isEqualTo(strangers);
      assertThat(watcher.next(Duration.ofMillis(200))).isEmpty();
    } finally {
      go.close();
    }
  }
}
