package io.micronats.nats.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronats.nats.ThreeNodeCluster;
import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.TransportException;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The NATS transport on a real 3-node cluster; server and client sit on different nodes. */
class NatsTransportTest extends ThreeNodeCluster {

  private static final Duration WAIT = Duration.ofSeconds(10);

  static NatsTransport onNode(int node) {
    return NatsTransport.builder().config(clientOf(node)).build();
  }

  static Listener echo(NatsTransport transport) {
    return transport.listen(socket -> {
      while (true) {
        socket.send(socket.receive(Duration.ofSeconds(30)));
      }
    });
  }

  @Test
  void roundTripAcrossRoutesKeepsHeadersAndBody() throws Exception {
    try (NatsTransport server = onNode(0); NatsTransport client = onNode(1); Listener listener = echo(server);
         Socket socket = client.dial(listener.address())) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "application/json");
      headers.put("with space", "ünïcode value");
      headers.put("Mn-Ctl", "not a control header");
      headers.put("empty", "");
      byte[] body = new byte[256];
      for (int i = 0; i < body.length; i++) {
        body[i] = (byte) i;
      }
      Message sent = new Message(headers, body);
      socket.send(sent);
      assertThat(socket.receive(WAIT)).isEqualTo(sent);
      socket.send(Message.empty());
      assertThat(socket.receive(WAIT)).isEqualTo(Message.empty());
      assertThat(socket.remoteAddress()).isEqualTo(listener.address());
    }
  }

  @Test
  void orderIsKeptInBothDirections() throws Exception {
    int count = 500;
    List<Integer> seenByServer = new CopyOnWriteArrayList<>();
    try (NatsTransport server = onNode(0); NatsTransport client = onNode(2);
         Listener listener = server.listen(socket -> {
           for (int i = 0; i < count; i++) {
             Message m = socket.receive(Duration.ofSeconds(30));
             seenByServer.add(Integer.parseInt(m.bodyAsString()));
           }
           for (int i = 0; i < count; i++) {
             socket.send(Message.of(Integer.toString(i)));
           }
           socket.receive(Duration.ofSeconds(30));
         });
         Socket socket = client.dial(listener.address())) {
      for (int i = 0; i < count; i++) {
        socket.send(Message.of(Integer.toString(i)));
      }
      List<Integer> seenByClient = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        seenByClient.add(Integer.parseInt(socket.receive(WAIT).bodyAsString()));
      }
      assertThat(seenByClient).isEqualTo(range(count));
      assertThat(seenByServer).isEqualTo(range(count));
    }
  }

  @Test
  void clientCloseReachesServerPromptly() throws Exception {
    BlockingQueue<Object> outcome = new ArrayBlockingQueue<>(2);
    try (NatsTransport server = onNode(0); NatsTransport client = onNode(1);
         Listener listener = server.listen(socket -> {
           socket.receive(Duration.ofSeconds(30));
           long start = System.nanoTime();
           try {
             socket.receive(Duration.ofSeconds(30));
             outcome.add("no exception");
           } catch (ClosedException e) {
             outcome.add(Duration.ofNanos(System.nanoTime() - start));
           }
         })) {
      Socket socket = client.dial(listener.address());
      socket.send(Message.of("hello"));
      Thread.sleep(100); // let the server block in its second receive
      socket.close();
      Object result = outcome.poll(10, TimeUnit.SECONDS);
      assertThat(result).isInstanceOf(Duration.class);
      assertThat((Duration) result).isLessThan(Duration.ofSeconds(2));
      assertThat(socket.isOpen()).isFalse();
      assertThrows(ClosedException.class, () -> socket.send(Message.of("late")));
    }
  }

  @Test
  void serverCloseReachesClientAfterPendingMessages() throws Exception {
    try (NatsTransport server = onNode(2); NatsTransport client = onNode(0);
         Listener listener = server.listen(socket -> {
           socket.receive(Duration.ofSeconds(30));
           socket.send(Message.of("last words"));
         });
         Socket socket = client.dial(listener.address())) {
      socket.send(Message.of("hi"));
      assertThat(socket.receive(WAIT).bodyAsString()).isEqualTo("last words");
      long start = System.nanoTime();
      assertThrows(ClosedException.class, () -> socket.receive(Duration.ofSeconds(30)));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void oversizedMessageFailsBeforeSendingAndSocketStaysUsable() throws Exception {
    try (NatsTransport server = onNode(0); NatsTransport client = onNode(1); Listener listener = echo(server);
         Socket socket = client.dial(listener.address())) {
      long max = client.maxPayloadBytes();
      assertThat(max).as("the server's maximum less room for the sequence headers").isBetween(1024L * 1024 - 100, 1024L * 1024 - 60);
      PayloadTooLargeException e = assertThrows(PayloadTooLargeException.class,
          () -> socket.send(Message.of(new byte[(int) max + 1])));
      assertThat(e.limit()).isEqualTo(max);
      socket.send(Message.of(new byte[(int) max]));
      assertThat(socket.receive(WAIT).bodyLength()).isEqualTo((int) max);
    }
  }

  @Test
  void dialWhereNobodyListensFailsFastWithNoResponders() {
    try (NatsTransport client = onNode(1)) {
      long start = System.nanoTime();
      assertThrows(NoRespondersException.class, () -> client.dial("nobody.listens.here", Duration.ofSeconds(5)));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
  }

  @Test
  void listenerSurvivesAHandlerThatThrows() throws Exception {
    try (NatsTransport server = onNode(0); NatsTransport client = onNode(2);
         Listener listener = server.listen(socket -> {
           Message m = socket.receive(Duration.ofSeconds(30));
           if (m.bodyAsString().equals("boom")) {
             throw new IllegalStateException("handler failure on purpose");
           }
           socket.send(m);
         })) {
      try (Socket first = client.dial(listener.address())) {
        first.send(Message.of("boom"));
        assertThrows(ClosedException.class, () -> first.receive(WAIT));
      }
      try (Socket second = client.dial(listener.address())) {
        second.send(Message.of("fine"));
        assertThat(second.receive(WAIT).bodyAsString()).isEqualTo("fine");
      }
      assertThat(server.stats().handlerFailures()).isEqualTo(1);
      assertThat(listener.isOpen()).isTrue();
    }
  }

  @Test
  void fullBacklogClosesTheConnectionWithAClearError() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (NatsTransport server = NatsTransport.builder()
            .config(PluginConfig.of("addresses", cluster.node(0).clientUrl())).backlog(8).build();
         NatsTransport client = onNode(1);
         Listener listener = server.listen(socket -> release.await(30, TimeUnit.SECONDS));
         Socket socket = client.dial(listener.address())) {
      ClosedException e = assertThrows(ClosedException.class, () -> {
        for (int i = 0; i < 10_000; i++) {
          socket.send(Message.of("x"));
          Thread.sleep(1);
        }
      });
      assertThat(e.getMessage()).contains("backlog of 8");
      assertThat(server.stats().overflows()).isEqualTo(1);
      release.countDown();
    }
  }

  @Test
  void secondListenerOnAnAddressInUseIsRefused() {
    try (NatsTransport first = onNode(0); NatsTransport second = onNode(1);
         Listener listener = first.listen("svc.greeter.listener", socket -> { })) {
      assertThat(listener.address()).isEqualTo("svc.greeter.listener");
      cluster.awaitInterest("svc.greeter.listener", WAIT);
      assertThrows(TransportException.class, () -> second.listen("svc.greeter.listener", socket -> { }));
      assertThrows(IllegalArgumentException.class, () -> second.listen("bad subject", socket -> { }));
    }
  }

  @Test
  // -Xlint:try: close() inside the try is the subject of the test (use after close); the
  // try-with-resources still closes it if an assertion before it fails.
  @SuppressWarnings("try")
  void unreachableServerFailsWithATransportExceptionNamingTheAddressAndCloseEndsUse() {
    try (NatsTransport dead = NatsTransport.builder()
        .config(PluginConfig.of("addresses", "nats://127.0.0.1:1", "connect.timeout", "300ms")).build()) {
      TransportException e = assertThrows(TransportException.class, () -> dead.dial("svc.nowhere", WAIT));
      assertThat(e.getMessage()).startsWith("cannot connect to NATS at [nats://127.0.0.1:1]");
      dead.close();
      ClosedException closed = assertThrows(ClosedException.class, () -> dead.listen(socket -> { }));
      assertThat(closed.getMessage()).isEqualTo("transport is closed");
    }
  }

  private static List<Integer> range(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }
}
