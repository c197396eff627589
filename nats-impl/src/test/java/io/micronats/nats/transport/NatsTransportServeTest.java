package io.micronats.nats.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronats.nats.ThreeNodeCluster;
import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.TransportException;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.transport.ExchangeHandler;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link NatsTransport#serve}: unary exchanges answered on serve dispatcher threads, with clients
 * dialling ordinary sockets; server and client on different nodes of a real 3-node cluster.
 */
class NatsTransportServeTest extends ThreeNodeCluster {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static NatsTransport onNode(int node) {
    return NatsTransport.builder().config(clientOf(node)).build();
  }

  @Test
  void pipelinedRequestsOnOneConnectionAreAnsweredInOrderWithHeaders() throws Exception {
    try (NatsTransport server = onNode(0); NatsTransport client = onNode(1);
         Listener listener = server.serve(request -> request.withHeader("X-Seen", "yes"));
         Socket socket = client.dial(listener.address())) {
      for (int i = 0; i < 200; i++) {
        socket.send(Message.of("m" + i).withHeader("with space", "ünï"));
      }
      for (int i = 0; i < 200; i++) {
        Message reply = socket.receive(WAIT);
        assertThat(reply.bodyAsString()).isEqualTo("m" + i);
        assertThat(reply.headers()).containsEntry("X-Seen", "yes").containsEntry("with space", "ünï");
      }
    }
  }

  @Test
  void exchangesRunOnDispatcherThreadsNotAThreadPerConnection() throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    try (NatsTransport server = NatsTransport.builder()
            .config(PluginConfig.of("addresses", cluster.node(0).clientUrl())).serveThreads(2).build();
         NatsTransport client = onNode(1);
         Listener listener = server.serve(request -> {
           threads.add(Thread.currentThread().getName());
           return request;
         })) {
      for (int i = 0; i < 8; i++) {
        try (Socket socket = client.dial(listener.address())) {
          socket.send(Message.of("x"));
          assertThat(socket.receive(WAIT).bodyAsString()).isEqualTo("x");
        }
      }
    }
    assertThat(threads).hasSizeBetween(1, 2);
  }

  @Test
  void aFailingHandlerClosesThatConnectionOnlyAndIsCounted() throws Exception {
    try (NatsTransport server = onNode(0); NatsTransport client = onNode(1);
         Listener listener = server.serve(request -> {
           if (request.bodyAsString().equals("boom")) {
             throw new IllegalStateException("deliberate failure");
           }
           return request;
         });
         Socket failing = client.dial(listener.address());
         Socket healthy = client.dial(listener.address())) {
      failing.send(Message.of("boom"));
      assertThrows(ClosedException.class, () -> failing.receive(WAIT));
      healthy.send(Message.of("fine"));
      assertThat(healthy.receive(WAIT).bodyAsString()).isEqualTo("fine");
      assertThat(server.stats().handlerFailures()).isEqualTo(1);
    }
  }

  @Test
  void aReplyTooLargeIsReplacedByWhatTheHandlerSaysInstead() throws Exception {
    ExchangeHandler handler = new ExchangeHandler() {
      @Override
      public Message exchange(Message request) {
        return Message.of(new byte[2 * 1024 * 1024]);
      }

      @Override
      public Message replyTooLarge(Message request, io.micronats.spi.PayloadTooLargeException failure) {
        return Message.of("too large");
      }
    };
    try (NatsTransport server = onNode(0); NatsTransport client = onNode(1);
         Listener listener = server.serve(handler); Socket socket = client.dial(listener.address())) {
      socket.send(Message.of("big please"));
      assertThat(socket.receive(WAIT).bodyAsString()).isEqualTo("too large");
    }
  }

  @Test
  void closingTheListenerReachesConnectedClients() throws Exception {
    try (NatsTransport server = onNode(0); NatsTransport client = onNode(1)) {
      Listener listener = server.serve(request -> request);
      try (Socket socket = client.dial(listener.address())) {
        socket.send(Message.of("before"));
        assertThat(socket.receive(WAIT).bodyAsString()).isEqualTo("before");
        listener.close();
        assertThrows(ClosedException.class, () -> socket.receive(WAIT));
      }
    }
  }

  @Test
  void aClientCloseFreesItsServedConnection() throws Exception {
    try (NatsTransport server = onNode(0); NatsTransport client = onNode(1);
         Listener listener = server.serve(request -> request)) {
      Socket socket = client.dial(listener.address());
      socket.send(Message.of("x"));
      socket.receive(WAIT);
      assertThat(listener.toString()).contains("1 connections");
      socket.close();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!listener.toString().contains("0 connections") && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(listener.toString()).contains("0 connections");
    }
  }

  @Test
  void closeIsBoundedAndReachesTheClientWhileAHandlerBlocks() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    try (NatsTransport client = onNode(1)) {
      NatsTransport server = onNode(0);
      Listener listener = server.serve(request -> {
        entered.countDown();
        never.await(60, TimeUnit.SECONDS);
        return request;
      });
      Socket socket = client.dial(listener.address());
      socket.send(Message.of("stuck"));
      assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
      long start = System.nanoTime();
      server.close();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      assertThrows(ClosedException.class, () -> socket.receive(WAIT));
      assertThat(listener.isOpen()).isFalse();
    } finally {
      never.countDown();
    }
  }

  @Test
  void servingAnAddressInUseIsRefused() {
    try (NatsTransport first = onNode(0); NatsTransport second = onNode(2);
         Listener listener = first.serve("svc.serve.taken", request -> request)) {
      assertThrows(TransportException.class, () -> second.serve(listener.address(), request -> request));
      assertThrows(TransportException.class, () -> first.listen(listener.address(), socket -> { }));
    }
  }
}
