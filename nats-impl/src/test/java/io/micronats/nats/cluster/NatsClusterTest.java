package io.micronats.nats.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NatsClusterTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  private NatsCluster started(NatsCluster.Builder builder) {
    NatsCluster cluster = builder.build();
    toClose.add(cluster);
    cluster.start();
    return cluster;
  }

  private Connection connect(String url) throws Exception {
    Connection c = Nats.connect(new Options.Builder().server(url).connectionTimeout(Duration.ofSeconds(5))
        .build());
    toClose.add(0, c);
    return c;
  }

  @Test
  void threeNodesFormFullMeshRoutes() {
    NatsCluster cluster = started(NatsCluster.builder().nodes(3));

    assertThat(cluster.clientUrls()).hasSize(3).doesNotHaveDuplicates()
        .allMatch(u -> u.startsWith("nats://127.0.0.1:"));
    assertThat(cluster.connectString()).isEqualTo(String.join(",", cluster.clientUrls()));
    HashSet<String> ids = new HashSet<>();
    for (NatsNode node : cluster.nodes()) {
      Routez routez = node.routez();
      ids.add(routez.serverId());
      assertThat(routez.peerIds()).as("peers of %s", node.name()).hasSize(2);
      Varz varz = node.varz();
      assertThat(varz.serverName()).isEqualTo(node.name());
      assertThat(varz.port()).isEqualTo(node.clientPort());
      assertThat(varz.version()).isNotBlank();
    }
    assertThat(ids).hasSize(3);
  }

  @Test
  void messagesCrossRoutesOnceInterestIsVisible() throws Exception {
    NatsCluster cluster = started(NatsCluster.builder().nodes(3));
    Connection sub = connect(cluster.node(0).clientUrl());
    Connection pub = connect(cluster.node(2).clientUrl());
    Subscription s = sub.subscribe("orders.*");
    sub.flush(Duration.ofSeconds(5));

    cluster.awaitInterest("orders.created", WAIT);
    pub.publish("orders.created", "hello".getBytes(StandardCharsets.UTF_8));

    Message m = s.nextMessage(Duration.ofSeconds(5));
    assertThat(m).isNotNull();
    assertThat(new String(m.getData(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(cluster.node(0).connz().connections()).hasSize(1);
  }

  @Test
  void awaitInterestFailsWithTimeoutWhenNobodySubscribed() {
    NatsCluster cluster = started(NatsCluster.builder().nodes(2));

    InterestTimeoutException e = assertThrows(InterestTimeoutException.class,
        () -> cluster.awaitInterest("nobody.listens", Duration.ofMillis(300)));
    assertThat(e.getMessage()).contains("nobody.listens").contains(cluster.node(0).monitorUrl());
  }

  @Test
  void buildDoesNoIoAndStartIsIdempotent() {
    NatsCluster cluster = NatsCluster.builder().nodes(1).build();
    toClose.add(cluster);
    assertThat(cluster.nodes()).isEmpty();
    assertThrows(IllegalStateException.class, cluster::clientUrls);

    cluster.start();
    List<String> urls = cluster.clientUrls();
    long pid = cluster.node(0).pid();
    cluster.start();

    assertThat(cluster.clientUrls()).isEqualTo(urls);
    assertThat(cluster.node(0).pid()).isEqualTo(pid);
  }

  @Test
  void killedNodeRestartsOnTheSamePortsAndRejoins() throws Exception {
    NatsCluster cluster = started(NatsCluster.builder().nodes(3));
    NatsNode node = cluster.node(1);
    int client = node.clientPort();
    int route = node.clusterPort();
    int monitor = node.monitorPort();
    long pid = node.pid();

    node.kill();

    assertThat(node.isRunning()).isFalse();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    cluster.awaitRoutes(WAIT); // the two survivors still see each other
    await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.node(0).routez().peerIds()).hasSize(1));

    node.restart();
    cluster.awaitRoutes(WAIT);

    assertThat(node.isRunning()).isTrue();
    assertThat(node.pid()).isNotEqualTo(pid);
    assertThat(node.clientPort()).isEqualTo(client);
    assertThat(node.clusterPort()).isEqualTo(route);
    assertThat(node.monitorPort()).isEqualTo(monitor);
    for (NatsNode n : cluster.nodes()) {
      assertThat(n.routez().peerIds()).as("peers of %s", n.name()).hasSize(2);
    }
    connect(node.clientUrl()).flush(Duration.ofSeconds(5));
  }

  @Test
  void pausedNodeAnswersNothingUntilResumed() throws Exception {
    NatsCluster cluster = started(NatsCluster.builder().nodes(1));
    NatsNode node = cluster.node(0);

    node.pause();

    assertThat(node.isPaused()).isTrue();
    assertThat(node.isRunning()).isTrue();
    assertThrows(UncheckedIOException.class, node::varz);

    node.resume();

    assertThat(node.isPaused()).isFalse();
    assertThat(node.varz().serverName()).isEqualTo(node.name());
  }

  @Test
  void stopIsGracefulAndRestartComesBack() {
    NatsCluster cluster = started(NatsCluster.builder().nodes(1));
    NatsNode node = cluster.node(0);
    int port = node.clientPort();

    node.stop();

    assertThat(node.isRunning()).isFalse();
    assertThat(node.log()).contains("Server Exiting");

    node.restart();

    assertThat(node.isRunning()).isTrue();
    assertThat(node.varz().port()).isEqualTo(port);
  }

  @Test
  void failedStartCarriesCommandLineOutputAndConfig() throws Exception {
    NatsCluster cluster = NatsCluster.builder().nodes(2).extraConfig("this is { not valid").build();
    toClose.add(cluster);

    NatsServerException e = assertThrows(NatsServerException.class, cluster::start);

    assertThat(e.commandLine()).contains("-c").anyMatch(s -> s.endsWith("nats-server"));
    assertThat(e.output()).containsIgnoringCase("error");
    assertThat(e.config()).contains("this is { not valid").contains("server_name");
    assertThat(e.getMessage()).contains("--- command:").contains("this is { not valid");
    assertThat(cluster.nodes()).noneMatch(NatsNode::isRunning);
  }

  @Test
  void missingBinaryTellsHowToInstall() {
    NatsCluster cluster = NatsCluster.builder().serverBinary(Path.of("/nonexistent/nats-server"))
        .build();
    toClose.add(cluster);

    NatsServerException e = assertThrows(NatsServerException.class, cluster::start);

    assertThat(e.getMessage()).contains("/nonexistent/nats-server");
  }

  @Test
  void closeKillsEveryProcessAndDeletesTheWorkDirectory() {
    NatsCluster cluster = started(NatsCluster.builder().nodes(3));
    cluster.node(2).pause();
    List<Long> pids = cluster.nodes().stream().map(NatsNode::pid).toList();
    Path dir = cluster.workDir();

    cluster.close();
    cluster.close();

    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid %s", pid)
          .isFalse();
    }
    assertThat(Files.exists(dir)).isFalse();
    assertThrows(IllegalStateException.class, cluster::start);
    assertThrows(IllegalStateException.class, () -> cluster.nodes().get(0).restart());
  }
}
