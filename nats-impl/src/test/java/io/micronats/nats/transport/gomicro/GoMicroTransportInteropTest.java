package io.micronats.nats.transport.gomicro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micronats.nats.gomicro.GoMicroNode;
import io.micronats.nats.gomicro.GoMicroVectors;
import io.micronats.nats.gomicro.GoMicroVectors.Captured;
import io.micronats.spi.Message;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.micronats.spi.transport.Transport;
import io.nats.client.Connection;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The transport in profile go-micro against the captured go-micro v2.9.1 transport exchange
 * ({@code transport-raw.json}: a dialler sending {@code X-Seq} pings to the listener
 * {@code wirecap.echo}, which echoes them with {@code X-Echo: 1}), on a real nats-server, both
 * ways, inbox names substituted.
 */
class GoMicroTransportInteropTest extends GoMicroNode {

  private static final List<Captured> RAW = GoMicroVectors.load("transport-raw.json");

  /** The captured listener's behaviour: echo with {@code X-Echo: 1}. */
  private static void echo(Socket socket) throws Exception {
    while (true) {
      Message m = socket.receive(Duration.ofSeconds(30));
      socket.send(new Message(java.util.Map.of("X-Echo", "1"), ("echo: " + m.bodyAsString()).getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void theProviderSelectsTheProfile() {
    try (Transport t = Plugins.transport("nats", goMicro())) {
      assertThat(t).isInstanceOf(GoMicroTransport.class);
    }
  }

  @Test
  void aGoDiallerReplayedAtOurListenerGetsGosRepliesByteForByte() throws Exception {
    AtomicInteger accepts = new AtomicInteger();
    Connection go = peer();
    try (GoMicroTransport ours = GoMicroTransport.create(goMicro("idle.timeout", "1s"));
         Listener listener = ours.listen("wirecap.echo", s -> {
           accepts.incrementAndGet();
           echo(s);
         })) {
      String first = go.createInbox();
      String second = go.createInbox();
      Subscription in1 = go.subscribe(first);
      Subscription in2 = go.subscribe(second);
      go.flush(WAIT);
      for (int i = 0; i < RAW.size(); i += 2) {
        Captured request = RAW.get(i);
        Captured goReply = RAW.get(i + 1);
        boolean secondDial = request.reply().equals(RAW.get(6).reply());
        if (i == 4) { // the capture's socket had expired before "ping 3": so must ours
          await().atMost(WAIT).until(() -> ours.stats().expired() >= 1);
        }
        go.publish(listener.address(), secondDial ? second : first, request.payload());
        io.nats.client.Message reply = (secondDial ? in2 : in1).nextMessage(WAIT);
        assertThat(reply).as(request.note()).isNotNull();
        assertThat(reply.getReplyTo()).isNull();
        assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).as(request.note()).isEqualTo(goReply.text());
      }
      // Go's Accept callback ran 3 times: ping 1 (and 2), ping 3 after the expiry, the second dial.
      assertThat(accepts.get()).isEqualTo(3);
      assertThat(ours.stats().accepted()).isEqualTo(3);
    } finally {
      go.close();
    }
  }

  @Test
  void weDialAGoListenerReplayedByAPeerAndSendWhatGoSent() throws Exception {
    Connection go = peer();
    try (GoMicroTransport ours = GoMicroTransport.create(goMicro())) {
      Subscription listener = go.subscribe("wirecap.echo");
      go.flush(WAIT);
      try (Socket socket = ours.dial("wirecap.echo", WAIT)) {
        for (int i = 0; i < 4; i += 2) {
          Captured goRequest = RAW.get(i);
          Message ping = goRequest.envelope();
          socket.send(ping);
          io.nats.client.Message got = listener.nextMessage(WAIT);
          assertThat(got).isNotNull();
          assertThat(got.getReplyTo()).isEqualTo(socket.localAddress());
          assertThat(new String(got.getData(), StandardCharsets.UTF_8)).isEqualTo(goRequest.text());
          go.publish(got.getReplyTo(), RAW.get(i + 1).payload()); // answer as the captured listener did
          Message reply = socket.receive(WAIT);
          assertThat(reply.headers()).containsExactly(java.util.Map.entry("X-Echo", "1"));
          assertThat(reply.bodyAsString()).isEqualTo("echo: " + ping.bodyAsString());
        }
      }
    } finally {
      go.close();
    }
  }

  @Test
  void malformedOversizedAndReplylessMessagesAreDroppedAndCountedAndTheListenerServes() throws Exception {
    Connection go = peer();
    try (GoMicroTransport ours = GoMicroTransport.create(goMicro("envelope.max.bytes", "1024"));
         Listener listener = ours.listen("wirecap.echo", GoMicroTransportInteropTest::echo)) {
      String inbox = go.createInbox();
      Subscription in = go.subscribe(inbox);
      go.flush(WAIT);
      go.publish(listener.address(), inbox, "not JSON: {\"Header\"".getBytes(StandardCharsets.UTF_8));
      go.publish(listener.address(), inbox, "{\"Header\":{},\"Body\":\"%%%\"}".getBytes(StandardCharsets.UTF_8));
      go.publish(listener.address(), inbox, ("{\"Header\":null,\"Body\":\"" + "QUFB".repeat(400) + "\"}").getBytes(StandardCharsets.UTF_8));
      go.publish(listener.address(), RAW.get(0).payload()); // no reply subject
      go.publish(listener.address(), inbox, RAW.get(0).payload());
      io.nats.client.Message reply = in.nextMessage(WAIT);
      assertThat(reply).isNotNull();
      assertThat(new String(reply.getData(), StandardCharsets.UTF_8)).isEqualTo(RAW.get(1).text());
      assertThat(ours.stats().malformed()).isGreaterThanOrEqualTo(3);
      assertThat(ours.stats().unroutable()).isEqualTo(1);
      assertThat(listener.isOpen()).isTrue();
    } finally {
      go.close();
    }
  }

  @Test
  void nobodyListeningIsNoRespondersOrATimeoutNeverAHang() throws Exception {
    try (GoMicroTransport ours = GoMicroTransport.create(goMicro());
         Socket socket = ours.dial("wirecap.nobody", WAIT)) {
      socket.send(Message.of("anyone?"));
      long start = System.nanoTime();
      assertThatThrownBy(() -> socket.receive(Duration.ofSeconds(2)))
          .isInstanceOfAny(NoRespondersException.class, OperationTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void ourCloseSendsNothingThePeerTimesOutAndANewMessageIsANewConnection() throws Exception {
    AtomicInteger accepts = new AtomicInteger();
    try (GoMicroTransport ours = GoMicroTransport.create(goMicro());
         Listener listener = ours.listen(s -> {
           accepts.incrementAndGet();
           echo(s);
         });
         GoMicroTransport client = GoMicroTransport.create(goMicro())) {
      Socket socket = client.dial(listener.address(), WAIT);
      socket.send(Message.of("one"));
      assertThat(socket.receive(WAIT).bodyAsString()).isEqualTo("echo: one");
      socket.close();
      assertThat(socket.isOpen()).isFalse();
      try (Socket again = client.dial(listener.address(), WAIT)) {
        again.send(Message.of("two"));
        assertThat(again.receive(WAIT).bodyAsString()).isEqualTo("echo: two");
      }
      assertThat(accepts.get()).isEqualTo(2);
    }
  }
}
