package io.micronats.nats.broker.gomicro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronats.nats.gomicro.GoMicroNode;
import io.micronats.nats.gomicro.GoMicroVectors;
import io.micronats.nats.gomicro.GoMicroVectors.Captured;
import io.micronats.spi.Message;
import io.micronats.spi.broker.Broker;
import io.micronats.spi.broker.Event;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.micronats.spi.plugin.Plugins;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The broker in profile go-micro against the captured go-micro v2.9.1 broker messages, on a real
 * nats-server: a raw jnats peer replays Go's publishes to our subscriber, and receives ours.
 */
class GoMicroBrokerInteropTest extends GoMicroNode {

  @Test
  void theProviderSelectsTheProfileFromTheProfileSetting() {
    try (Broker broker = Plugins.broker("nats", goMicro())) {
      assertThat(broker).isInstanceOf(GoMicroBroker.class);
    }
  }

  @Test
  void goPublishesReachOurSubscriberWithHeadersAndBody() throws Exception {
    List<Captured> publishes = new ArrayList<>(GoMicroVectors.load("broker-publish.json"));
    publishes.add(GoMicroVectors.load("broker-undecodable.json").get(2)); // hand-written, keys reordered
    publishes.addAll(GoMicroVectors.load("event-publish.json").subList(0, 1));
    List<Event> got = new CopyOnWriteArrayList<>();
    List<Event> events = new CopyOnWriteArrayList<>();
    Connection go = peer();
    try (GoMicroBroker broker = GoMicroBroker.create(goMicro())) {
      broker.connect();
      broker.subscribe("wirecap.topic", got::add);
      broker.subscribe("go.micro.evt.greeting", events::add);
      for (Captured c : publishes) {
        go.publish(c.subject(), c.payload());
      }
      go.flush(WAIT);
      await().atMost(WAIT).until(() -> got.size() + events.size() == publishes.size());
      assertThat(got.get(0).message().headers()).containsExactly(Map.entry("Content-Type", "text/plain"), Map.entry("X-Custom", "v1"));
      assertThat(got.get(0).message().bodyAsString()).isEqualTo("hello broker");
      assertThat(got.get(1).message().headers()).isEmpty();
      assertThat(got.get(1).message().body()).containsExactly(0x00, 0xff, 0x10);
      assertThat(got.get(2).message().headers()).containsExactly(Map.entry("Micro-Id", "45"));
      assertThat(got.get(2).message().bodyAsString()).isEqualTo("hello");
      Message event = events.get(0).message();
      assertThat(event.headers()).containsEntry("Content-Type", "application/json")
          .containsEntry("Micro-Topic", "go.micro.evt.greeting").containsEntry("X-Trace-Id", "trace-evt-1");
      assertThat(event.bodyAsString()).isEqualTo("{\"id\":\"g-1\",\"text\":\"hi \\u003call\\u003e \\u0026 \u00fc\"}\n");
      assertThat(broker.stats().decoded()).isEqualTo(publishes.size());
      assertThat(broker.stats().malformed()).isZero();
    } finally {
      go.close();
    }
  }

  @Test
  void ourPublishesAreByteForByteWhatGoPublishes() throws Exception {
    List<Captured> gos = new ArrayList<>(GoMicroVectors.load("broker-publish.json"));
    gos.addAll(GoMicroVectors.load("event-publish.json"));
    Connection go = peer();
    try (GoMicroBroker broker = GoMicroBroker.create(goMicro())) {
      broker.connect();
      io.nats.client.Subscription raw = go.subscribe("wirecap.topic");
      io.nats.client.Subscription events = go.subscribe("go.micro.evt.greeting");
      go.flush(WAIT);
      for (Captured c : gos) {
        broker.publish(c.subject(), c.envelope()); // the same headers and body Go sent
      }
      for (Captured c : gos) {
        io.nats.client.Message m = (c.subject().equals("wirecap.topic") ? raw : events).nextMessage(WAIT);
        assertThat(m).as(c.note()).isNotNull();
        assertThat(m.getReplyTo()).isNull();
        assertThat(m.getHeaders() == null || m.getHeaders().isEmpty()).as("no NATS headers").isTrue();
        assertThat(new String(m.getData(), StandardCharsets.UTF_8)).as(c.note()).isEqualTo(c.text());
      }
    } finally {
      go.close();
    }
  }

  @Test
  void queueGroupsAreNatsQueueGroupsOfTheSameName() throws Exception {
    Connection go = peer();
    AtomicInteger ours = new AtomicInteger();
    AtomicInteger plain = new AtomicInteger();
    AtomicInteger theirs = new AtomicInteger();
    try (GoMicroBroker broker = GoMicroBroker.create(goMicro())) {
      broker.connect();
      broker.subscribe("wirecap.topic", e -> ours.incrementAndGet(), SubscribeOptions.defaults().withQueue("wirecap-q"));
      broker.subscribe("wirecap.topic", e -> plain.incrementAndGet());
      go.createDispatcher(m -> theirs.incrementAndGet()).subscribe("wirecap.topic", "wirecap-q");
      go.flush(WAIT);
      byte[] payload = GoMicroVectors.load("broker-publish.json").get(0).payload();
      int n = 40;
      for (int i = 0; i < n; i++) {
        go.publish("wirecap.topic", payload);
      }
      go.flush(WAIT);
      await().atMost(WAIT).until(() -> plain.get() == n && ours.get() + theirs.get() >= n);
      // A queue group of another name would have got every message too (2n in all).
      assertThat(ours.get() + theirs.get()).isEqualTo(n);
    } finally {
      go.close();
    }
  }

  @Test
  void malformedAndOversizedEnvelopesAreDroppedCountedAndReportedAndTheSubscriptionLives() throws Exception {
    List<Captured> foreign = GoMicroVectors.load("broker-undecodable.json");
    List<byte[]> bad = List.of(foreign.get(0).payload(), foreign.get(1).payload(),
        "{\"Header\":{\"a\":\"b\"},\"Body\":\"not base64!\"}".getBytes(StandardCharsets.UTF_8),
        "{\"Header\":{\"a\":1},\"Body\":null}".getBytes(StandardCharsets.UTF_8),
        ("{\"Header\":null,\"Body\":\"" + "QUFB".repeat(600) + "\"}").getBytes(StandardCharsets.UTF_8));
    Map<String, byte[]> reported = new LinkedHashMap<>();
    List<Event> got = new CopyOnWriteArrayList<>();
    Connection go = peer();
    try (GoMicroBroker broker = GoMicroBroker.create(goMicro("envelope.max.bytes", "1024"))) {
      broker.connect();
      Subscription sub = broker.subscribe("wirecap.topic", got::add, SubscribeOptions.defaults().withErrorHandler(
          (topic, event, error) -> {
            synchronized (reported) {
              reported.put(error.getMessage(), event == null ? new byte[0] : event.message().body());
            }
          }));
      for (byte[] b : bad) {
        go.publish("wirecap.topic", b);
      }
      go.publish("wirecap.topic", foreign.get(2).payload());
      go.flush(WAIT);
      await().atMost(WAIT).until(() -> got.size() == 1);
      await().atMost(WAIT).until(() -> broker.stats().malformed() == bad.size());
      assertThat(got.get(0).message().bodyAsString()).isEqualTo("hello");
      assertThat(sub.isActive()).isTrue();
      synchronized (reported) {
        assertThat(reported).hasSize(bad.size());
        assertThat(reported.values().iterator().next()).isEqualTo(bad.get(0)); // raw bytes, as Go's error handler gets
        assertThat(String.join("\n", reported.keySet())).contains("not JSON", "neither 'Header' nor 'Body'",
            "not standard base64", "is not a string", "over the limit of 1024");
      }
    } finally {
      go.close();
    }
  }
}
