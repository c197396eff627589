package io.micronats.nats.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.nats.registry.NatsRegistry;
import io.micronats.spi.Message;
import io.micronats.spi.rpc.RpcClient;
import io.micronats.spi.rpc.RpcServer;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Request/response throughput of the transport against raw jnats request/reply: 64 requests in
 * flight, 128-byte bodies, one server, on one node, printed as ratios.
 *
 * <p>Not part of the test suite (performance is measured, not asserted; {@code ./micronats bench}
 * is the full comparison). Run it with {@code mvn -pl nats-impl test -Dtest=TransportThroughputBench}.
 * The assertion only checks that both sides did work.
 */
// -Xlint:try: the servers are opened for their lifetime only and never referenced in the body.
@SuppressWarnings("try")
class TransportThroughputBench {

  private static final int IN_FLIGHT = 64;
  private static final Duration RUN = Duration.ofSeconds(3);
  private static NatsCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = NatsCluster.builder().nodes(1).build();
    cluster.start();
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void requestResponseAgainstRawJnats() throws Exception {
    double ours = 0;
    double raw = 0;
    double rpc = 0;
    for (int round = 0; round < 3; round++) {
      ours = Math.max(ours, ours());
      raw = Math.max(raw, raw());
      rpc = Math.max(rpc, rpc());
    }
    System.out.printf("64 in flight, 128 B: transport %.0f req/s, RPC layer %.0f req/s, raw jnats %.0f req/s,"
        + " ratios %.2f / %.2f%n", ours, rpc, raw, ours / raw, rpc / raw);
    assertThat(ours).isPositive();
    assertThat(raw).isPositive();
  }

  private static double ours() throws Exception {
    PluginConfig config = PluginConfig.of("addresses", cluster.node(0).clientUrl(), "shared", "false");
    try (NatsTransport server = NatsTransport.builder().config(config).build();
         NatsTransport client = NatsTransport.builder().config(config.with("name", "client")).build();
         Listener listener = server.listen(socket -> {
           while (true) {
             socket.send(socket.receive(Duration.ofSeconds(30)));
           }
         })) {
      List<Socket> sockets = new ArrayList<>();
      for (int i = 0; i < IN_FLIGHT; i++) {
        sockets.add(client.dial(listener.address()));
      }
      byte[] body = new byte[128];
      return run(i -> {
        Socket s = sockets.get(i);
        s.send(Message.of(body));
        s.receive(Duration.ofSeconds(10));
      });
    }
  }

  private static double rpc() throws Exception {
    PluginConfig config = PluginConfig.of("addresses", cluster.node(0).clientUrl(), "shared", "false");
    try (NatsTransport serverTransport = NatsTransport.builder().config(config).build();
         NatsTransport clientTransport = NatsTransport.builder().config(config.with("name", "client")).build();
         NatsRegistry registry = NatsRegistry.builder().config(config.with("name", "registry")).build();
         RpcServer server = RpcServer.builder().name("bench.echo").version("1").transport(serverTransport)
             .registry(registry).endpoint("Echo.Call", request -> request).build().start();
         RpcClient client = RpcClient.builder().transport(clientTransport).registry(registry)
             .maxIdlePerNode(IN_FLIGHT).build()) {
      byte[] body = new byte[128];
      client.call("bench.echo", "Echo.Call", Message.of(body));
      return run(i -> client.call("bench.echo", "Echo.Call", Message.of(body), Duration.ofSeconds(10)));
    }
  }

  private static double raw() throws Exception {
    Connection server = Nats.connect(cluster.node(0).clientUrl());
    Connection client = Nats.connect(cluster.node(0).clientUrl());
    try {
      Dispatcher d = server.createDispatcher(m -> server.publish(m.getReplyTo(), m.getData()));
      d.subscribe("raw.echo");
      server.flush(Duration.ofSeconds(5));
      byte[] body = new byte[128];
      return run(i -> {
        if (client.request("raw.echo", body, Duration.ofSeconds(10)) == null) {
          throw new IllegalStateException("raw request timed out");
        }
      });
    } finally {
      client.close();
      server.close();
    }
  }

  interface Exchange {
    void run(int worker) throws Exception;
  }

  private static double run(Exchange exchange) throws InterruptedException {
    AtomicLong done = new AtomicLong();
    CountDownLatch finished = new CountDownLatch(IN_FLIGHT);
    long end = System.nanoTime() + RUN.toNanos();
    long start = System.nanoTime();
    for (int i = 0; i < IN_FLIGHT; i++) {
      int worker = i;
      Thread t = new Thread(() -> {
        try {
          while (System.nanoTime() < end) {
            exchange.run(worker);
            done.incrementAndGet();
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        } finally {
          finished.countDown();
        }
      });
      t.start();
    }
    finished.await();
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }
}
