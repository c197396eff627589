package io.micronats.nats.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronats.nats.transport.NatsTransport;
import io.micronats.spi.Message;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.impl.Headers;
import io.micronats.spi.ClosedException;
import io.micronats.spi.plugin.PluginConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A stranger on the transport's subjects: what it sends is dropped and counted, never answered with. */
// -Xlint:try: jnats' Connection.close() declares InterruptedException; a test method throws it.
@SuppressWarnings("try")
class HostileTransportTest extends OneNode {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Finding 6: injected and replayed messages on a pooled connection are never taken for answers. */
  @Test
  void injectedAndReplayedRepliesAreDroppedAndCountedNotReturnedAsAnswers() throws Exception {
    BlockingQueue<io.nats.client.Message> seen = new LinkedBlockingQueue<>();
    try (NatsTransport server = NatsTransport.builder().config(settings()).build();
         NatsTransport client = NatsTransport.builder().config(settings()).build();
         Listener listener = server.serve(request -> Message.of("re:" + request.bodyAsString()));
         Socket socket = client.dial(listener.address());
         Connection spy = stranger()) {
      Dispatcher d = spy.createDispatcher(seen::add);
      d.subscribe("_INBOX.>");
      spy.flush(WAIT);
      socket.send(Message.of("0"));
      assertThat(socket.receive(WAIT).bodyAsString()).isEqualTo("re:0");
      io.nats.client.Message reply = awaitReplyTo(seen, "re:0");
      for (int call = 1; call <= 10; call++) {
        // A stranger's plain message and a replay of an earlier genuine reply, before each answer.
        spy.publish(reply.getSubject(), "forged".getBytes(StandardCharsets.UTF_8));
        spy.publish(reply.getSubject(), null, reply.getHeaders(), reply.getData());
        spy.publish(reply.getSubject(), null, new Headers().put("Mn-Seq", "99999").put("Mn-Re", "999"),
            "ahead".getBytes(StandardCharsets.UTF_8));
        spy.flush(WAIT);
        socket.send(Message.of(Integer.toString(call)));
        assertThat(socket.receive(WAIT).bodyAsString()).as("call %d", call).isEqualTo("re:" + call);
      }
      await().atMost(WAIT).until(() -> client.stats().stale() == 10 && client.stats().mismatched() == 20);
    }
  }

  /** Finding 6 for the server side: requests injected on a connection's subject get no answer. */
  @Test
  void requestsInjectedOnAServedConnectionAreDroppedSoNoExtraReplyDesynchronisesTheClient() throws Exception {
    BlockingQueue<io.nats.client.Message> seen = new LinkedBlockingQueue<>();
    try (NatsTransport server = NatsTransport.builder().config(settings()).build();
         NatsTransport client = NatsTransport.builder().config(settings()).build();
         Listener listener = server.serve(request -> Message.of("re:" + request.bodyAsString()));
         Socket socket = client.dial(listener.address());
         Connection spy = stranger()) {
      Dispatcher d = spy.createDispatcher(seen::add);
      d.subscribe("_INBOX.>");
      spy.flush(WAIT);
      socket.send(Message.of("0"));
      assertThat(socket.receive(WAIT).bodyAsString()).isEqualTo("re:0");
      io.nats.client.Message request = awaitRequest(seen, "0");
      for (int call = 1; call <= 10; call++) {
        spy.publish(request.getSubject(), request.getReplyTo(), "injected".getBytes(StandardCharsets.UTF_8));
        spy.publish(request.getSubject(), request.getReplyTo(), request.getHeaders(), request.getData());
        spy.flush(WAIT);
        socket.send(Message.of(Integer.toString(call)));
        assertThat(socket.receive(WAIT).bodyAsString()).as("call %d", call).isEqualTo("re:" + call);
      }
      await().atMost(WAIT).until(() -> server.stats().stale() == 10 && server.stats().mismatched() == 10);
    }
  }

  private static io.nats.client.Message awaitReplyTo(BlockingQueue<io.nats.client.Message> seen, String body)
      throws InterruptedException {
    return awaitBody(seen, body, false);
  }

  private static io.nats.client.Message awaitRequest(BlockingQueue<io.nats.client.Message> seen, String body)
      throws InterruptedException {
    return awaitBody(seen, body, true);
  }

  private static io.nats.client.Message awaitBody(BlockingQueue<io.nats.client.Message> seen, String body,
      boolean toServer) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      io.nats.client.Message m = seen.poll(100, TimeUnit.MILLISECONDS);
      if (m != null && m.getData() != null && new String(m.getData(), StandardCharsets.UTF_8).equals(body)
          && m.getSubject().matches(".*\\.s\\d+") == toServer) {
        return m;
      }
    }
    throw new AssertionError("the spy never saw '" + body + "'");
  }

  /** Finding 4: a listener whose handler never reads is bounded in bytes, not only in messages. */
  @Test
  void aHandlerThatNeverReadsIsBoundedInBytesAndItsClientIsTold() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (NatsTransport server = NatsTransport.builder().config(settings().with(NatsTransport.BACKLOG_BYTES, "4194304")).build();
         NatsTransport client = NatsTransport.builder().config(settings()).build();
         Listener listener = server.listen(socket -> release.await(30, TimeUnit.SECONDS));
         Socket socket = client.dial(listener.address())) {
      byte[] big = new byte[512 * 1024];
      Throwable failed = null;
      for (int i = 0; i < 200 && failed == null; i++) {
        try {
          socket.send(Message.of(big));
        } catch (ClosedException e) {
          failed = e;
        }
        if (i % 20 == 19) {
          Thread.sleep(20); // let the overflow's notice travel; 200 x 512 KiB would be 100 MiB
        }
      }
      await().atMost(WAIT).until(() -> server.stats().overflows() == 1);
      Throwable e = failed != null ? failed : assertThrows(ClosedException.class, () -> socket.receive(WAIT));
      assertThat(e).hasMessageContaining("4194304 bytes");
      release.countDown();
    }
  }

  /** Finding 4: a client that never reads its replies is bounded in bytes too. */
  @Test
  void aClientThatNeverReadsItsRepliesIsBoundedInBytes() throws Exception {
    try (NatsTransport server = NatsTransport.builder().config(settings()).build();
         NatsTransport client = NatsTransport.builder().config(settings().with(NatsTransport.BACKLOG_BYTES, "4194304")).build();
         Listener listener = server.serve(request -> request);
         Socket socket = client.dial(listener.address())) {
      byte[] big = new byte[512 * 1024];
      for (int i = 0; i < 40; i++) {
        try {
          socket.send(Message.of(big));
        } catch (ClosedException e) {
          break;
        }
      }
      await().atMost(WAIT).until(() -> client.stats().overflows() == 1);
      ClosedException e = assertThrows(ClosedException.class, () -> {
        while (true) {
          socket.receive(WAIT);
        }
      });
      assertThat(e).hasMessageContaining("4194304 bytes");
    }
  }

  /** Finding 7: strangers' opens cannot start unbounded threads, and idle server sockets expire. */
  @Test
  void strangersOpensAreBoundedByAcceptThreadsAndIdleSocketsExpire() throws Exception {
    PluginConfig bounded = settings().with(NatsTransport.ACCEPT_THREADS, "8").with(NatsTransport.IDLE_TIMEOUT, "1s");
    try (NatsTransport server = NatsTransport.builder().config(bounded).build();
         NatsTransport client = NatsTransport.builder().config(settings()).build();
         Listener listener = server.listen(socket -> {
           while (true) {
             socket.send(socket.receive(Duration.ofSeconds(60)));
           }
         });
         Connection stranger = stranger()) {
      // A stranger that keeps its inboxes alive (one that does not is dropped at once: no responders).
      stranger.createDispatcher(m -> { }).subscribe("_INBOX.stranger.>");
      for (int i = 0; i < 100; i++) {
        stranger.publish(listener.address(), "_INBOX.stranger." + i, new Headers().put("Mn-Ctl", "open"), new byte[0]);
      }
      stranger.flush(WAIT);
      await().atMost(WAIT).until(() -> server.stats().refused() == 92);
      assertThat(handlerThreads()).isLessThanOrEqualTo(8 + otherHandlerThreads);
      await().atMost(WAIT).until(() -> server.stats().expired() == 8);
      try (Socket socket = client.dial(listener.address())) {
        socket.send(Message.of("still serving"));
        assertThat(socket.receive(WAIT).bodyAsString()).isEqualTo("still serving");
      }
    }
  }

  private static long otherHandlerThreads;

  private static long handlerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("transport-nats-handler-")).count();
  }

  @org.junit.jupiter.api.BeforeEach
  void countOtherHandlerThreads() {
    otherHandlerThreads = handlerThreads();
  }
}
