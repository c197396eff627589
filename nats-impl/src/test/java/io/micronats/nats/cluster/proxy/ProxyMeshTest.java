package io.micronats.nats.cluster.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.nats.cluster.NatsNode;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A 3-node {@link NatsCluster} whose clients and routes go through a {@link ProxyMesh}. */
class ProxyMeshTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  private NatsCluster started() {
    NatsCluster cluster = NatsCluster.builder().nodes(3).clusterName("mesh-test").linkProxies(true).build();
    toClose.add(cluster);
    cluster.start();
    return cluster;
  }

  private Connection connect(String url) throws Exception {
    Connection c = Nats.connect(new Options.Builder().server(url).connectionTimeout(Duration.ofSeconds(5))
        .ignoreDiscoveredServers().build());
    toClose.add(0, c);
    return c;
  }

  private static Set<String> peersOf(NatsNode node) {
    return node.routez().peerIds();
  }

  private static String idOf(NatsNode node) {
    return node.routez().serverId();
  }

  @Test
  void clientsAndRoutesGoThroughTheProxies() throws Exception {
    NatsCluster cluster = started();
    ProxyMesh mesh = cluster.proxies();

    assertThat(cluster.clientUrls()).containsExactly(mesh.clientUrl(0), mesh.clientUrl(1), mesh.clientUrl(2));
    for (NatsNode n : cluster.nodes()) {
      assertThat(peersOf(n)).as("routes of %s", n.name()).hasSize(2);
    }
    // every pair has a live route through one of its two proxies
    for (int a = 0; a < 3; a++) {
      for (int b = a + 1; b < 3; b++) {
        int active = mesh.route(a, b).stats().active() + mesh.route(b, a).stats().active();
        assertThat(active).as("proxied routes between n%d and n%d", a + 1, b + 1).isGreaterThanOrEqualTo(1);
      }
    }
    Connection c = connect(cluster.clientUrls().get(0));
    assertThat(c.getConnectedUrl()).contains(Integer.toString(mesh.client(0).port()));
    // servers advertise the proxies to clients
    assertThat(c.getServerInfo().getConnectURLs())
        .allMatch(u -> u.endsWith(":" + mesh.client(0).port()) || u.endsWith(":" + mesh.client(1).port())
            || u.endsWith(":" + mesh.client(2).port()));
  }

  @Test
  void cutPartitionSeparatesTwoNodesUntilHealed() throws Exception {
    NatsCluster cluster = started();
    ProxyMesh mesh = cluster.proxies();
    String id0 = idOf(cluster.node(0));
    String id1 = idOf(cluster.node(1));
    Connection pub = connect(cluster.clientUrls().get(0));
    Connection subConn = connect(cluster.clientUrls().get(1));
    Subscription sub = subConn.subscribe("mesh.cross");
    subConn.flush(Duration.ofSeconds(5));
    cluster.awaitInterest("mesh.cross", WAIT);

    mesh.partition(0, 1, PartitionMode.CUT);
    await().atMost(WAIT).until(() -> !peersOf(cluster.node(0)).contains(id1)
        && !peersOf(cluster.node(1)).contains(id0));
    // no route sneaks around the proxies through gossip
    Thread.sleep(3000);
    assertThat(peersOf(cluster.node(0))).doesNotContain(id1);
    assertThat(peersOf(cluster.node(1))).doesNotContain(id0);
    assertThat(peersOf(cluster.node(2))).hasSize(2);
    pub.publish("mesh.cross", "lost".getBytes(StandardCharsets.UTF_8));
    pub.flush(Duration.ofSeconds(5));
    assertThat(sub.nextMessage(Duration.ofMillis(700))).as("nothing crosses the partition").isNull();

    mesh.heal(0, 1);
    cluster.awaitRoutes(WAIT);
    cluster.awaitInterest("mesh.cross", WAIT);
    pub.publish("mesh.cross", "after".getBytes(StandardCharsets.UTF_8));
    Message m = sub.nextMessage(Duration.ofSeconds(5));
    assertThat(m).isNotNull();
    assertThat(new String(m.getData(), StandardCharsets.UTF_8)).isEqualTo("after");
  }

  @Test
  void silentPartitionKeepsTheRouteButHoldsTraffic() throws Exception {
    NatsCluster cluster = started();
    ProxyMesh mesh = cluster.proxies();
    String id1 = idOf(cluster.node(1));
    Connection pub = connect(cluster.clientUrls().get(0));
    Connection subConn = connect(cluster.clientUrls().get(1));
    Subscription sub = subConn.subscribe("mesh.silent");
    subConn.flush(Duration.ofSeconds(5));
    cluster.awaitInterest("mesh.silent", WAIT);

    mesh.partition(0, 1, PartitionMode.SILENT);
    pub.publish("mesh.silent", "held".getBytes(StandardCharsets.UTF_8));
    pub.flush(Duration.ofSeconds(5));
    assertThat(sub.nextMessage(Duration.ofMillis(700))).as("nothing crosses while silent").isNull();
    assertThat(peersOf(cluster.node(0))).as("the servers have not noticed").contains(id1);

    mesh.heal(0, 1);
    Message m = sub.nextMessage(Duration.ofSeconds(5));
    assertThat(m).as("held bytes arrive after the heal").isNotNull();
  }

  @Test
  void clusterWithoutProxiesSaysSo() {
    NatsCluster cluster = NatsCluster.builder().nodes(1).clusterName("no-mesh").build();
    toClose.add(cluster);
    cluster.start();
    assertThat(cluster.hasLinkProxies()).isFalse();
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, cluster::proxies);
  }
}
