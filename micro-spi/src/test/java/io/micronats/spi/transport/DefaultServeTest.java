package io.micronats.spi.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.inmemory.InMemoryHub;
import io.micronats.spi.inmemory.InMemoryTransport;
import io.micronats.spi.plugin.PluginConfig;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Transport#serve}'s default implementation (listen plus a receive/send loop), which every
 * transport that does not override it gets; exercised on the in-memory transport.
 */
class DefaultServeTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private final InMemoryTransport transport =
      InMemoryTransport.create(InMemoryHub.create(), PluginConfig.of("max.payload", "1000"));

  @AfterEach
  void close() {
    transport.close();
  }

  @Test
  void eachRequestGetsOneReplyInOrder() throws Exception {
    try (Listener listener = transport.serve("svc.echo", request -> Message.of("re " + request.bodyAsString()));
         Socket socket = transport.dial(listener.address())) {
      for (int i = 0; i < 20; i++) {
        socket.send(Message.of("m" + i));
      }
      for (int i = 0; i < 20; i++) {
        assertThat(socket.receive(WAIT).bodyAsString()).isEqualTo("re m" + i);
      }
      assertThat(listener.address()).isEqualTo("svc.echo");
    }
  }

  @Test
  void aThrowingHandlerClosesThatConnectionOnly() throws Exception {
    try (Listener listener = transport.serve(request -> {
           if (request.bodyAsString().equals("boom")) {
             throw new IllegalStateException("deliberate");
           }
           return request;
         });
         Socket failing = transport.dial(listener.address());
         Socket healthy = transport.dial(listener.address())) {
      failing.send(Message.of("boom"));
      assertThrows(ClosedException.class, () -> failing.receive(WAIT));
      healthy.send(Message.of("fine"));
      assertThat(healthy.receive(WAIT).bodyAsString()).isEqualTo("fine");
    }
  }

  @Test
  void aNullReplyClosesTheConnection() throws Exception {
    try (Listener listener = transport.serve(request -> nothing());
         Socket socket = transport.dial(listener.address())) {
      socket.send(Message.of("x"));
      assertThrows(ClosedException.class, () -> socket.receive(WAIT));
    }
  }

  @Test
  void aReplyTooLargeIsReplacedByTheHandlersSubstitute() throws Exception {
    ExchangeHandler handler = new ExchangeHandler() {
      @Override
      public Message exchange(Message request) {
        return Message.of(new byte[5000]);
      }

      @Override
      public Message replyTooLarge(Message request, PayloadTooLargeException failure) {
        return Message.of("too large");
      }
    };
    try (Listener listener = transport.serve(handler); Socket socket = transport.dial(listener.address())) {
      socket.send(Message.of("big"));
      assertThat(socket.receive(WAIT).bodyAsString()).isEqualTo("too large");
    }
  }

  @Test
  void byDefaultAReplyTooLargeClosesTheConnection() throws Exception {
    try (Listener listener = transport.serve(request -> Message.of(new byte[5000]));
         Socket socket = transport.dial(listener.address())) {
      socket.send(Message.of("big"));
      assertThrows(ClosedException.class, () -> socket.receive(WAIT));
    }
  }

  private static Message nothing() {
    Message none = null;
    return none;
  }
}
