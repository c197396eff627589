package io.micronats.nats.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * After a node restarts, {@link NatsCluster#awaitRoutes(Duration)} returns only once the routes
 * to the new process are in place, so traffic crosses them right away.
 */
// -Xlint:try: jnats' Connection.close() declares InterruptedException; a test method throws it.
@SuppressWarnings("try")
class RollingRestartRoutesTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final int ROUNDS = 3;
  private static final int SUBJECTS = 5000;

  private static Connection connect(String url) throws Exception {
    return Nats.connect(new Options.Builder().server(url).connectionTimeout(Duration.ofSeconds(5))
        .ignoreDiscoveredServers().noReconnect().build());
  }

  @ParameterizedTest(name = "linkProxies={0}")
  @ValueSource(booleans = {false, true})
  void messagesReachARestartedNodeRightAfterAwaitRoutes(boolean linkProxies) throws Exception {
    try (NatsCluster cluster = NatsCluster.builder().nodes(3).clusterName("rolling-" + linkProxies)
        .linkProxies(linkProxies).build()) {
      cluster.start();
      Connection pub = connect(cluster.clientUrls().get(0));
      try {
        for (int round = 0; round < ROUNDS; round++) {
          NatsNode node = cluster.node(1);
          String oldId = node.varz().serverId();

          node.restart();
          cluster.awaitRoutes(WAIT);

          String newId = node.varz().serverId();
          assertThat(newId).isNotEqualTo(oldId);
          for (NatsNode n : cluster.nodes()) {
            Routez routez = n.routez();
            assertThat(routez.routes()).as("routes of %s, round %d", n.name(), round).hasSize(2);
            if (n != node) {
              assertThat(routez.peerIds()).as("peers of %s", n.name()).contains(newId)
                  .doesNotContain(oldId);
            }
          }
          String subject = "rolling.r" + round;
          try (Connection subConn = connect(cluster.clientUrls().get(1))) {
            Subscription sub = subConn.subscribe(subject);
            subConn.flush(Duration.ofSeconds(5));
            cluster.awaitInterest(subject, WAIT);
            pub.publish(subject, ("round " + round).getBytes(StandardCharsets.UTF_8));
            pub.flush(Duration.ofSeconds(5));

            Message m = sub.nextMessage(Duration.ofSeconds(2));
            assertThat(m).as("message published on n1 after restart round %d", round).isNotNull();
            assertThat(new String(m.getData(), StandardCharsets.UTF_8)).isEqualTo("round " + round);
          }
        }
      } finally {
        pub.close();
      }
    }
  }

  @Test
  void awaitRoutesWaitsForEveryPeerToKnowTheNewProcess() {
    try (NatsCluster cluster = NatsCluster.builder().nodes(3).clusterName("rolling-ids").build()) {
      cluster.start();
      NatsNode node = cluster.node(2);
      node.kill();
      node.restart();

      cluster.awaitRoutes(WAIT);

      String newId = node.varz().serverId();
      for (NatsNode n : cluster.nodes()) {
        if (n != node) {
          assertThat(n.routez().peerIds()).as("peers of %s", n.name()).contains(newId).hasSize(2);
        }
      }
    }
  }

  @ParameterizedTest(name = "linkProxies={0}")
  @ValueSource(booleans = {false, true})
  void existingInterestReachesARestartedNodeBeforeAwaitRoutesReturns(boolean linkProxies)
      throws Exception {
    try (NatsCluster cluster = NatsCluster.builder().nodes(3).clusterName("known-" + linkProxies)
        .linkProxies(linkProxies).build()) {
      cluster.start();
      Connection subConn = connect(cluster.clientUrls().get(0));
      try {
        List<Subscription> subs = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
          subs.add(subConn.subscribe("known.s" + i));
        }
        subConn.flush(Duration.ofSeconds(5));
        cluster.awaitInterest("known.s" + (SUBJECTS - 1), WAIT);
        for (int round = 0; round < ROUNDS; round++) {
          cluster.node(1).restart();
          cluster.awaitRoutes(WAIT);

          try (Connection pub = connect(cluster.clientUrls().get(1))) {
            for (int i = 0; i < SUBJECTS; i += SUBJECTS / 10) {
              pub.publish("known.s" + i, ("round " + round).getBytes(StandardCharsets.UTF_8));
            }
            pub.publish("known.s" + (SUBJECTS - 1), ("round " + round).getBytes(StandardCharsets.UTF_8));
            pub.flush(Duration.ofSeconds(5));
          }
          for (int i = 0; i < SUBJECTS; i += SUBJECTS / 10) {
            assertThat(subs.get(i).nextMessage(Duration.ofSeconds(2)))
                .as("round %d: message for known.s%d published on the restarted node", round, i)
                .isNotNull();
          }
          assertThat(subs.get(SUBJECTS - 1).nextMessage(Duration.ofSeconds(2)))
              .as("round %d: message for the last subject", round).isNotNull();
        }
      } finally {
        subConn.close();
      }
    }
  }

  @Test
  void routesToAPausedNodeDoNotHoldUpTheOthers() {
    try (NatsCluster cluster = NatsCluster.builder().nodes(3).clusterName("rolling-paused").build()) {
      cluster.start();
      cluster.node(2).pause();

      cluster.awaitRoutes(WAIT); // n1 and n2 still hold their routes to the frozen n3

      cluster.node(2).resume();
      cluster.awaitRoutes(WAIT);
    }
  }

  @Test
  void awaitRoutesNamesTheMissingRouteWhenItTimesOut() {
    try (NatsCluster cluster = NatsCluster.builder().nodes(3).clusterName("rolling-cut")
        .linkProxies(true).build()) {
      cluster.start();
      cluster.proxies().partition(0, 1, io.micronats.nats.cluster.proxy.PartitionMode.CUT);

      NatsServerException e = org.junit.jupiter.api.Assertions.assertThrows(NatsServerException.class,
          () -> cluster.awaitRoutes(Duration.ofSeconds(2)));

      assertThat(e.getMessage()).contains("rolling-cut-n1 has no route to rolling-cut-n2");
      cluster.proxies().heal(0, 1);
      cluster.awaitRoutes(WAIT);
    }
  }
}
