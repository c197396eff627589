package io.micronats.spi.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.spi.Await;
import io.micronats.spi.Message;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Service;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InMemoryLifecycleTest {

  private static Set<Thread> memoryThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("memory-"))
        .collect(Collectors.toSet());
  }

  @Test
  void closeStopsEveryThreadTheInstancesStarted() throws Exception {
    Set<Thread> before = memoryThreads();
    InMemoryHub hub = InMemoryHub.create();
    InMemoryTransport transport = InMemoryTransport.create(hub);
    InMemoryBroker broker = InMemoryBroker.create(hub);
    InMemoryRegistry registry = InMemoryRegistry.create(hub);
    Listener listener = transport.listen(s -> s.send(s.receive(Duration.ofSeconds(5))));
    try (Socket socket = transport.dial(listener.address())) {
      socket.send(Message.of("x"));
      socket.receive(Duration.ofSeconds(5));
    }
    broker.connect();
    AtomicInteger got = new AtomicInteger();
    broker.subscribe("t", e -> got.incrementAndGet());
    broker.publish("t", Message.empty());
    registry.register(Service.of("s", "1", Node.of("n", "a")), RegisterOptions.ttl(Duration.ofSeconds(1)));
    Await.until("delivery", () -> got.get() == 1);
    assertThat(memoryThreads()).hasSizeGreaterThan(before.size());

    transport.close();
    broker.close();
    registry.close();
    transport.close();
    broker.close();
    registry.close();
    Await.until("no thread of the closed instances is left",
        () -> before.containsAll(memoryThreads()));
  }
}
