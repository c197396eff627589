package io.micronats.spi.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.spi.Await;
import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.TransportException;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemoryTransportTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final InMemoryHub hub = InMemoryHub.create();
  private final InMemoryTransport server = InMemoryTransport.create(hub);
  private final InMemoryTransport client = InMemoryTransport.create(hub);

  @AfterEach
  void closeAll() {
    client.close();
    server.close();
  }

  private Listener echo() {
    return server.listen(socket -> {
      while (true) {
        Message m = socket.receive(WAIT);
        socket.send(m.withHeader("echo", "true"));
      }
    });
  }

  @Test
  void listenerOfOneInstanceIsDialableFromAnotherOnTheSameHub() throws Exception {
    Listener listener = echo();
    try (Socket socket = client.dial(listener.address())) {
      socket.send(new Message(Map.of("Content-Type", "text/plain"), new byte[] {0, (byte) 0xff}));
      Message reply = socket.receive(WAIT);
      assertThat(reply.body()).containsExactly(0, 0xff);
      assertThat(reply.header("Content-Type")).contains("text/plain");
      assertThat(reply.header("echo")).contains("true");
    }
  }

  @Test
  void instancesOnDifferentHubsDoNotSeeEachOther() {
    Listener listener = echo();
    try (InMemoryTransport stranger = InMemoryTransport.create(InMemoryHub.create())) {
      assertThatThrownBy(() -> stranger.dial(listener.address()))
          .isInstanceOf(NoRespondersException.class).hasMessageContaining(listener.address());
    }
  }

  @Test
  void listenOnAnAddressAlreadyListenedOnFails() {
    server.listen("svc.a", socket -> { });
    assertThatThrownBy(() -> client.listen("svc.a", socket -> { }))
        .isInstanceOf(TransportException.class).hasMessageContaining("svc.a");
  }

  @Test
  void closingAListenerFreesItsAddress() {
    server.listen("svc.b", socket -> { }).close();
    assertThat(client.listen("svc.b", socket -> { }).address()).isEqualTo("svc.b");
  }

  @Test
  void listenOnAnyGivesUniqueAddresses() {
    assertThat(server.listen(s -> { }).address()).isNotEqualTo(server.listen(s -> { }).address());
  }

  @Test
  void dialWithNoListenerFailsAtOnce() {
    assertThatThrownBy(() -> client.dial("nobody.here"))
        .isInstanceOf(NoRespondersException.class).hasMessageContaining("nobody.here");
  }

  @Test
  void invalidAddressesAreRejectedNamingTheValue() {
    assertThatThrownBy(() -> server.listen("bad address", s -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad address");
    assertThatThrownBy(() -> client.dial("svc.*"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("svc.*");
  }

  @Test
  void messagesKeepTheirOrderInBothDirections() throws Exception {
    Listener listener = echo();
    try (Socket socket = client.dial(listener.address())) {
      for (int i = 0; i < 200; i++) {
        socket.send(Message.of("m" + i));
      }
      for (int i = 0; i < 200; i++) {
        assertThat(socket.receive(WAIT).bodyAsString()).isEqualTo("m" + i);
      }
    }
  }

  @Test
  void clientCloseReachesTheServerPromptlyAfterItDrainsDeliveredMessages() throws Exception {
    BlockingQueue<Object> seen = new ArrayBlockingQueue<>(10);
    Listener listener = server.listen(socket -> {
      Thread.sleep(100); // let the client send and close first
      try {
        while (true) {
          seen.add(socket.receive(WAIT).bodyAsString());
        }
      } catch (ClosedException e) {
        seen.add(e);
      }
    });
    Socket socket = client.dial(listener.address());
    socket.send(Message.of("last words"));
    socket.close();
    assertThat(seen.poll(2, TimeUnit.SECONDS)).isEqualTo("last words");
    assertThat(seen.poll(2, TimeUnit.SECONDS)).isInstanceOf(ClosedException.class);
  }

  @Test
  void serverCloseReleasesAClientBlockedInReceive() throws Exception {
    Listener listener = server.listen(socket -> socket.receive(WAIT));
    try (Socket socket = client.dial(listener.address())) {
      long start = System.nanoTime();
      socket.send(Message.of("bye"));
      assertThatThrownBy(() -> socket.receive(WAIT)).isInstanceOf(ClosedException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(socket.isOpen()).isFalse();
    }
  }

  @Test
  void receiveAndSendAfterOwnCloseFailPromptly() {
    Listener listener = echo();
    Socket socket = client.dial(listener.address());
    socket.close();
    socket.close();
    assertThatThrownBy(() -> socket.receive(WAIT)).isInstanceOf(ClosedException.class);
    assertThatThrownBy(() -> socket.send(Message.of("x"))).isInstanceOf(ClosedException.class);
  }

  @Test
  void localCloseReleasesAReceiverBlockedInAnotherThread() throws Exception {
    Listener listener = server.listen(socket -> Thread.sleep(10_000));
    Socket socket = client.dial(listener.address());
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<?> blocked = pool.submit(() -> socket.receive(WAIT));
      Thread.sleep(50);
      socket.close();
      assertThatThrownBy(() -> blocked.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(ClosedException.class);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void receiveTimesOutWithTheTimeoutNamed() {
    Listener listener = server.listen(socket -> Thread.sleep(10_000));
    try (Socket socket = client.dial(listener.address())) {
      assertThatThrownBy(() -> socket.receive(Duration.ofMillis(50)))
          .isInstanceOf(OperationTimeoutException.class).hasMessageContaining("50 ms");
      assertThat(socket.isOpen()).isTrue();
    }
  }

  @Test
  void oversizedMessageFailsBeforeSendingAndTheSocketStaysUsable() throws Exception {
    try (InMemoryTransport small = InMemoryTransport.create(hub, PluginConfig.of("max.payload", "100"))) {
      Listener listener = echo();
      Socket socket = small.dial(listener.address());
      assertThatThrownBy(() -> socket.send(Message.of(new byte[101])))
          .isInstanceOf(PayloadTooLargeException.class).hasMessageContaining("100");
      socket.send(Message.of(new byte[100]));
      assertThat(socket.receive(WAIT).bodyLength()).isEqualTo(100);
    }
  }

  @Test
  void fullBacklogMakesSendFailWithinTheSendTimeout() {
    PluginConfig config = PluginConfig.of("backlog", "2", "send.timeout", "100ms");
    try (InMemoryTransport tiny = InMemoryTransport.create(hub, config)) {
      Listener listener = server.listen(socket -> Thread.sleep(10_000));
      Socket socket = tiny.dial(listener.address());
      socket.send(Message.of("1"));
      socket.send(Message.of("2"));
      assertThatThrownBy(() -> socket.send(Message.of("3")))
          .isInstanceOf(OperationTimeoutException.class).hasMessageContaining("backlog");
    }
  }

  @Test
  void concurrentClientsNeverSeeEachOthersReplies() throws Exception {
    Listener listener = echo();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        String id = "client-" + c;
        results.add(pool.submit(() -> {
          try (Socket socket = client.dial(listener.address())) {
            for (int i = 0; i < 100; i++) {
              socket.send(Message.of(id + ":" + i));
              if (!socket.receive(WAIT).bodyAsString().equals(id + ":" + i)) {
                return false;
              }
            }
            return true;
          }
        }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get(10, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentSendersOnOneSocketKeepEachSendersOrder() throws Exception {
    BlockingQueue<String> received = new ArrayBlockingQueue<>(1000);
    Listener listener = server.listen(socket -> {
      while (true) {
        received.add(socket.receive(WAIT).bodyAsString());
      }
    });
    try (Socket socket = client.dial(listener.address())) {
      List<Thread> senders = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        String id = "s" + t;
        senders.add(new Thread(() -> {
          for (int i = 0; i < 100; i++) {
            socket.send(Message.of(id + ":" + i));
          }
        }));
      }
      senders.forEach(Thread::start);
      int[] next = new int[4];
      for (int n = 0; n < 400; n++) {
        String body = received.poll(5, TimeUnit.SECONDS);
        assertThat(body).isNotNull();
        int sender = body.charAt(1) - '0';
        assertThat(Integer.parseInt(body.substring(3))).isEqualTo(next[sender]++);
      }
      for (Thread sender : senders) {
        sender.join(5_000);
      }
    }
  }

  @Test
  void closingTheTransportClosesItsSocketsAndStopsItsThreads() {
    Listener listener = echo();
    Socket socket = client.dial(listener.address());
    server.close();
    server.close();
    assertThat(listener.isOpen()).isFalse();
    Await.until("client sees server close", () -> !socket.isOpen());
    Await.until("accept threads end", () -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.getName().startsWith("memory-transport-accept") && t.isAlive()
            && t.getStackTrace().length > 0 && isServing(t)));
    assertThatThrownBy(() -> server.listen(s -> { })).isInstanceOf(ClosedException.class);
  }

  private static boolean isServing(Thread t) {
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().endsWith("InMemoryTransportTest")) {
        return true;
      }
    }
    return false;
  }
}
