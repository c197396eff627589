package io.micronats.nats.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.spi.RegistryException;
import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, items 3 and 11, on a real cluster: what strangers announce is remembered up to a
 * bound (counted beyond it, expired when no one refreshes it), and a registration that could not
 * be announced leaves nothing registered.
 */
class RegistryBoundsTest extends RegistryClusterFixture {

  @Test
  void strangersWatchEventsAreBoundedCountedAndExpire() throws Exception {
    Connection stranger = Nats.connect(cluster.node(0).clientUrl());
    try (NatsRegistry reader = on(1).maxRemoteNodes(1_000).goNodeTtl(Duration.ofSeconds(4)).build().startQuietly()) {
      cluster.awaitInterest(reader.watchSubject(), WAIT);
      // 5 events of 500 nodes each, no headers: 2,500 nodes announced, at most 1,000 remembered.
      for (int e = 0; e < 5; e++) {
        List<Node> nodes = new ArrayList<>();
        for (int n = 0; n < 500; n++) {
          nodes.add(Node.of("fake-" + e + "-" + n, "_INBOX.fake"));
        }
        Service fake = new Service("stranger.svc" + e, "1", Map.of(), List.of(), nodes);
        stranger.publish(reader.watchSubject(), RegistryCodec.event("create", fake).getBytes(StandardCharsets.UTF_8));
      }
      stranger.flush(WAIT);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (reader.stats().remoteNodesDropped() < 1_500 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(reader.stats().remoteNodes()).isEqualTo(1_000);
      assertThat(reader.stats().remoteNodesDropped()).isEqualTo(1_500);
      // Nobody refreshes them: gone after the go-node TTL (4 s here), and the room is free again.
      while (reader.stats().remoteNodes() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(reader.stats().remoteNodes()).isZero();
      assertThat(reader.stats().expiredRemote()).isEqualTo(1_000);
    } finally {
      stranger.close();
    }
  }

  @Test
  void aRegistrationThatCannotBeAnnouncedLeavesNothingBehind() {
    try (NatsRegistry owner = on(0).window(Duration.ofMillis(200)).build().startQuietly();
         NatsRegistry other = on(1).window(Duration.ofMillis(200)).build().startQuietly()) {
      // Larger than the server's 1 MB max payload once encoded.
      Service huge = new Service("huge.svc", "1", Map.of("blob", "x".repeat(1_100_000)), List.of(),
          List.of(Node.of("h-1", "inbox.h-1")));
      assertThatThrownBy(() -> owner.register(huge)).isInstanceOf(RegistryException.class);
      assertThatThrownBy(() -> owner.getService("huge.svc")).as("the owner").isInstanceOf(ServiceNotFoundException.class);
      assertThatThrownBy(() -> other.getService("huge.svc")).as("another instance").isInstanceOf(ServiceNotFoundException.class);

      // An existing registration is kept as it was when a change to it cannot be announced.
      Service small = Service.of("kept.svc", "1", Node.of("k-1", "inbox.k-1"));
      owner.register(small);
      assertThatThrownBy(() -> owner.register(small.withMetadata(Map.of("blob", "x".repeat(1_100_000)))))
          .isInstanceOf(RegistryException.class);
      assertThat(owner.getService("kept.svc")).containsExactly(small);
    }
  }
}
