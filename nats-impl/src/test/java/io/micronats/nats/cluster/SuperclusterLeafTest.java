package io.micronats.nats.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micronats.nats.broker.NatsBroker;
import io.micronats.nats.registry.NatsRegistry;
import io.micronats.nats.transport.NatsTransport;
import io.micronats.spi.Message;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import io.micronats.spi.rpc.RpcClient;
import io.micronats.spi.rpc.RpcServer;
import io.micronats.spi.rpc.Selectors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real supercluster with a leaf node: clusters {@code east} (2 nodes, 2 zones) and {@code west}
 * (1 node, another region) joined by a gateway, and leaf node {@code edge} attached to east's
 * second node. A broker message, a registry lookup and an RPC each cross the gateway (west to
 * east) and the leaf connection (edge to west, which crosses the gateway too), and the servers'
 * link counters show the traffic. Gateway and leaf interest spread asynchronously, so every check
 * polls with a deadline.
 */
class SuperclusterLeafTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration REGION_LATENCY = Duration.ofMillis(20);

  private static NatsLayout layout;
  private static final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeAll
  static void startLayout() {
    layout = NatsLayout.builder()
        .cluster("east", NodePlace.of("east_a", "east"), NodePlace.of("east_b", "east"))
        .cluster("west", NodePlace.of("west_a", "west"))
        .gateway("east", "west")
        .leaf("edge", "east", 1, NodePlace.of("edge_1", "east"))
        .latency(LinkLatency.betweenZones("east_a", "east_b", Duration.ofMillis(2), Duration.ZERO))
        .latency(LinkLatency.betweenRegions("east", "west", REGION_LATENCY, Duration.ofMillis(1)))
        .build();
    layout.start();
  }

  @AfterAll
  static void closeAll() {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      try {
        toClose.get(i).close();
      } catch (Exception e) {
        // best effort: the layout goes next
      }
    }
    if (layout != null) {
      layout.close();
    }
  }

  private static <T extends AutoCloseable> T closeLater(T c) {
    toClose.add(c);
    return c;
  }

  private static PluginConfig on(String cluster, String name) {
    return layout.clientConfig(cluster).with("name", name);
  }

  @Test
  void layoutIsUpWithGatewaysLeafAndLatencyOnTheLinks() {
    assertThat(layout.members()).extracting(NatsLayout.Member::cluster)
        .containsExactly("east", "east", "west", "edge");
    assertThat(layout.cluster("east").node(0).gatewayz().outboundClusters()).containsExactly("west");
    assertThat(layout.cluster("west").node(0).gatewayz().outboundClusters()).containsExactly("east");
    assertThat(layout.cluster("east").node(1).leafz().leafs()).hasSize(1);
    assertThat(layout.cluster("east").node(1).leafz().leafs().get(0).account())
        .isEqualTo(LayoutConfig.APP_ACCOUNT);
    assertThat(layout.cluster("edge").node(0).leafz().leafs()).hasSize(1);
    assertThat(layout.gatewayLinks("east", "west")).hasSize(4)
        .allSatisfy(p -> assertThat(p.shape().latency()).isEqualTo(REGION_LATENCY));
    assertThat(layout.leafLink("edge").shape().latency()).isZero();
    assertThat(layout.cluster("east").proxies().route(0, 1).shape().latency()).isEqualTo(Duration.ofMillis(2));
  }

  @Test
  void brokerMessageCrossesTheGatewayAndTheLeafConnection() throws Exception {
    Map<String, String> got = new ConcurrentHashMap<>();
    NatsBroker onEast = closeLater(NatsBroker.builder().config(on("east", "sub-east")).build());
    onEast.connect();
    NatsBroker onEdge = closeLater(NatsBroker.builder().config(on("edge", "sub-edge")).build());
    onEdge.connect();
    NatsBroker fromWest = closeLater(NatsBroker.builder().config(on("west", "pub-west")).build());
    fromWest.connect();
    onEast.subscribe("layout.orders", e -> got.put("east", e.message().bodyAsString()));
    onEdge.subscribe("layout.orders", e -> got.put("edge", e.message().bodyAsString()));
    long gatewayOutBefore = gatewayOutMsgs("west");
    // gateway interest spreads asynchronously: publish until both have one
    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
      fromWest.publish("layout.orders", Message.of("hello from west"));
      return got.size() == 2;
    });
    assertThat(got).containsEntry("east", "hello from west").containsEntry("edge", "hello from west");
    assertThat(gatewayOutMsgs("west")).as("west's gateway counters").isGreaterThan(gatewayOutBefore);
    assertThat(layout.cluster("edge").node(0).leafz().leafs().get(0).counters().inMsgs())
        .as("the leaf's counters").isPositive();
  }

  @Test
  void registryLookupCrossesTheGatewayAndTheLeafConnection() {
    NatsRegistry onWest = closeLater(NatsRegistry.builder().config(on("west", "reg-west")).build().startQuietly());
    NatsRegistry onEdge = closeLater(NatsRegistry.builder().config(on("edge", "reg-edge")).build().startQuietly());
    NatsRegistry onEast = closeLater(NatsRegistry.builder().config(on("east", "reg-east")).build().startQuietly());
    onWest.register(Service.of("layout.lookup", "1.0", Node.of("west-1", "inbox.west-1")));
    // from the leaf node: over the leaf connection to east, then the gateway to west
    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> nodeIds(onEdge, "layout.lookup")
        .contains("west-1"));
    onEdge.register(Service.of("layout.lookup", "1.0", Node.of("edge-1", "inbox.edge-1")));
    // from east: west's instance over the gateway and edge's over the leaf connection
    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> nodeIds(onEast, "layout.lookup")
        .containsAll(List.of("west-1", "edge-1")));
  }

  @Test
  void rpcCrossesTheGatewayAndTheLeafConnection() {
    PluginConfig serverSide = on("west", "rpc-west");
    NatsTransport serverTransport = closeLater(NatsTransport.builder().config(serverSide).build());
    NatsRegistry serverRegistry = closeLater(NatsRegistry.builder().config(serverSide).build());
    closeLater(RpcServer.builder().name("layout.echo").transport(serverTransport).registry(serverRegistry)
        .ttl(Duration.ofSeconds(30)).endpoint("Echo.Call", request -> request).build().start());
    for (String from : List.of("east", "edge")) {
      PluginConfig clientSide = on(from, "rpc-" + from);
      NatsTransport transport = closeLater(NatsTransport.builder().config(clientSide).build());
      NatsRegistry registry = closeLater(NatsRegistry.builder().config(clientSide).build());
      RpcClient client = closeLater(RpcClient.builder().transport(transport).registry(registry)
          .selector(Selectors.random()).timeout(Duration.ofSeconds(2)).refresh(Duration.ofMillis(500)).build());
      AtomicReference<String> answer = new AtomicReference<>("");
      await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
        answer.set(client.call("layout.echo", "Echo.Call", Message.of("ping from " + from)).bodyAsString());
        return true;
      });
      assertThat(answer.get()).as("RPC from " + from + " to west").isEqualTo("ping from " + from);
    }
  }

  @Test
  void awaitLinksNamesTheGatewayAndLeafConnectionThatAreDownAndPassesOnceTheyAreBack() {
    List<io.micronats.nats.cluster.proxy.LinkProxy> cut = new ArrayList<>(layout.gatewayLinks("east", "west"));
    cut.add(layout.leafLink("edge"));
    try {
      cut.forEach(io.micronats.nats.cluster.proxy.LinkProxy::down);
      assertThatThrownBy(() -> layout.awaitLinks(Duration.ofSeconds(3)))
          .isInstanceOf(NatsServerException.class)
          .hasMessageContaining("gateway east-n1 -> west is not up")
          .hasMessageContaining("gateway west-n1 -> east is not up")
          .hasMessageContaining("leaf connection edge -> east-n2 is not up");
    } finally {
      layout.healLinks();
    }
    layout.awaitLinks(WAIT);
    assertThat(layout.cluster("edge").node(0).leafz().leafs()).hasSize(1);
    assertThat(layout.leafLink("edge").stats().accepted()).as("the leaf reconnected through its proxy")
        .isGreaterThan(1);
    assertThat(layout.gatewayLinks("east", "west"))
        .allSatisfy(p -> assertThat(p.shape().latency()).as("latency back after healing").isEqualTo(REGION_LATENCY));
  }

  private static long gatewayOutMsgs(String cluster) {
    long sum = 0;
    for (NatsNode n : layout.cluster(cluster).nodes()) {
      for (Gatewayz.Gateway g : n.gatewayz().outbound()) {
        sum += g.counters().outMsgs();
      }
    }
    return sum;
  }

  private static List<String> nodeIds(NatsRegistry registry, String service) {
    try {
      List<String> ids = new ArrayList<>();
      for (Service s : registry.getService(service)) {
        s.nodes().forEach(n -> ids.add(n.id()));
      }
      return ids;
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
