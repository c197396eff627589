package io.micronats.spi.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.spi.Message;
import io.micronats.spi.inmemory.InMemoryHub;
import io.micronats.spi.inmemory.InMemoryRegistry;
import io.micronats.spi.inmemory.InMemoryTransport;
import io.micronats.spi.registry.Node;
import io.micronats.spi.transport.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RpcServerTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final InMemoryHub hub = InMemoryHub.create();
  private final InMemoryTransport transport = InMemoryTransport.create(hub);
  private final InMemoryRegistry registry = InMemoryRegistry.create(hub);

  @AfterEach
  void closeAll() {
    registry.close();
    transport.close();
  }

  private RpcServer.Builder echo() {
    return RpcServer.builder().name("echo").transport(transport).registry(registry)
        .endpoint("Echo", request -> request);
  }

  @Test
  void reRegistersBeforeTheTtlRunsOut() throws Exception {
    try (RpcServer server = echo().ttl(Duration.ofMillis(300)).build().start()) {
      long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      while (System.nanoTime() < end) {
        assertThat(registry.getService("echo").get(0).nodes()).extracting(Node::id).containsExactly(server.nodeId());
        Thread.sleep(50);
      }
    }
  }

  @Test
  void manyServersShareTwoReregistrationThreads() throws Exception {
    java.util.List<RpcServer> servers = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        servers.add(RpcServer.builder().name("many-" + i).transport(transport).registry(registry)
            .endpoint("Echo", request -> request).ttl(Duration.ofMillis(300)).build().start());
      }
      Thread.sleep(250); // past the first re-registration of every server
      long threads = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> t.getName().startsWith("rpc-server-reregister")).count();
      assertThat(threads).isBetween(1L, 2L);
      assertThat(registry.getService("many-199").get(0).nodes()).hasSize(1);
    } finally {
      servers.forEach(RpcServer::close);
    }
  }

  @Test
  // -Xlint:try: close() inside the try is what the test checks; the try still closes on failure.
  @SuppressWarnings("try")
  void aGivenSchedulerRunsTheReregistrationsAndIsNotShutDown() throws Exception {
    java.util.concurrent.ScheduledThreadPoolExecutor own = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
    try (RpcServer server = echo().ttl(Duration.ofMillis(300)).scheduler(own).build().start()) {
      assertThat(own.getQueue()).as("the periodic re-registration").hasSize(1);
      server.close();
      assertThat(own.isShutdown()).isFalse();
      assertThat(own.getQueue()).as("cancelled by close()")
          .allMatch(task -> ((java.util.concurrent.Future<?>) task).isCancelled());
    } finally {
      own.shutdownNow();
    }
  }

  @Test
  void startIsIdempotentAndStartAfterCloseFails() {
    RpcServer server = echo().build();
    assertThatThrownBy(server::address).isInstanceOf(IllegalStateException.class).hasMessageContaining("start()");
    assertThat(server.start()).isSameAs(server.start());
    assertThat(server.isRunning()).isTrue();
    server.close();
    assertThat(server.isRunning()).isFalse();
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("close()");
  }

  @Test
  void builderNamesWhatIsMissingOrWrong() {
    assertThatThrownBy(() -> RpcServer.builder().transport(transport).registry(registry).build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> RpcServer.builder().name("bad name"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad name");
    assertThatThrownBy(() -> echo().ttl(Duration.ofSeconds(1)).reregisterInterval(Duration.ofSeconds(2)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than the TTL");
  }

  @Test
  void requestWithoutEndpointHeaderGetsABadRequestAnswer() throws Exception {
    try (RpcServer server = echo().build().start(); Socket socket = transport.dial(server.address())) {
      socket.send(Message.of("no header"));
      Message answer = socket.receive(WAIT);
      assertThat(answer.header(RpcHeaders.ERROR_CODE)).contains("400");
      assertThat(answer.header(RpcHeaders.ERROR)).get().asString().contains(RpcHeaders.ENDPOINT);
      socket.send(Message.of("now right").withHeader(RpcHeaders.ENDPOINT, "Echo"));
      assertThat(socket.receive(WAIT).bodyAsString()).isEqualTo("now right");
    }
  }

  @Test
  void listensOnAConfiguredAddressAndAddsNodeMetadata() {
    try (RpcServer server = echo().address("svc.echo.fixed").metadata("zone", "eu").build().start()) {
      assertThat(server.address()).isEqualTo("svc.echo.fixed");
      Node node = registry.getService("echo").get(0).nodes().get(0);
      assertThat(node.metadata()).containsEntry("zone", "eu").containsEntry("transport", "memory");
    }
  }
}
