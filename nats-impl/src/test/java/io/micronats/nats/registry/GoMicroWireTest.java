package io.micronats.nats.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.registry.Endpoint;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.Value;
import io.micronats.spi.registry.WatchEvent;
import io.micronats.spi.registry.Watcher;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The go-micro wire profile against the hand-written vectors in {@code golang-wire/}: the codec
 * reads what Go writes and writes what Go reads, and on a real cluster a raw-NATS stand-in for a
 * Go service (no micronats headers) and a micronats registry see each other.
 */
class GoMicroWireTest extends RegistryClusterFixture {

  /** The service of go-service-reply.json and java-event-create.json, as records. */
  static final Service GREETER = new Service("go.micro.srv.greeter", "latest", Map.of("owner", "a&b <team>"),
      List.of(new Endpoint("Greeter.Hello",
          new Value("Request", "Request", List.of(Value.of("name", "string"))),
          new Value("Response", "Response", List.of(Value.of("msg", "string"))),
          Map.of("stream", "false"))),
      List.of(new Node("go.micro.srv.greeter-0b3c5a1e", "_INBOX.Pq9WmtRZ8s", Map.of("broker", "nats",
          "protocol", "mucp", "registry", "nats", "server", "mucp", "transport", "nats"))));

  @Test
  void readsWhatGoWrites() {
    assertThat(RegistryCodec.readService(vector("go-service-reply.json"))).isEqualTo(GREETER);
    RegistryCodec.Result get = RegistryCodec.readResult(vector("go-query-get.json"));
    assertThat(get.action()).isEqualTo("get");
    assertThat(get.service().name()).isEqualTo("go.micro.srv.greeter");
    RegistryCodec.Result list = RegistryCodec.readResult(vector("go-query-list.json"));
    assertThat(list.action()).isEqualTo("list");
    assertThat(list.service()).isNull();
    RegistryCodec.Result created = RegistryCodec.readResult(vector("go-event-create.json"));
    assertThat(created.service()).isEqualTo(new Service("go.micro.srv.echo", "1.0.0", Map.of("env", "test"), List.of(), List.of()));
    RegistryCodec.Result deleted = RegistryCodec.readResult(vector("go-event-delete.json"));
    assertThat(deleted.action()).isEqualTo("delete");
    assertThat(deleted.service().nodes()).containsExactly(Node.of("echo-1", "10.0.0.7:8080"));
  }

  @Test
  void writesWhatGoReads() {
    assertThat(RegistryCodec.query("get", "go.micro.srv.greeter")).isEqualTo(vector("go-query-get.json"));
    assertThat(RegistryCodec.query("list", null)).isEqualTo(vector("go-query-list.json"));
    assertThat(RegistryCodec.event("create", GREETER)).isEqualTo(vector("java-event-create.json"));
  }

  @Test
  void javaFindsAGoServiceAndGoFindsAJavaService() throws Exception {
    Connection go = Nats.connect(cluster.node(0).clientUrl());
    try (NatsRegistry java = NatsRegistry.builder()
        .config(PluginConfig.of("addresses", cluster.node(1).clientUrl(), "profile", "go-micro", "window", "1s")).build().startQuietly()) {
      assertThat(java.querySubject()).isEqualTo("micro.registry.nats.query");
      Dispatcher goResponder = go.createDispatcher(msg -> {
        RegistryCodec.Result q = RegistryCodec.readResult(new String(msg.getData(), StandardCharsets.UTF_8));
        if (q.action().equals("get") && q.service() != null && q.service().name().equals("go.micro.srv.greeter")) {
          go.publish(msg.getReplyTo(), vector("go-service-reply.json").getBytes(StandardCharsets.UTF_8));
        }
      });
      goResponder.subscribe("micro.registry.nats.query");
      go.flush(WAIT);
      cluster.awaitInterest("micro.registry.nats.query", WAIT);
      assertThat(java.getService("go.micro.srv.greeter")).containsExactly(GREETER);

      Service javaService = Service.of("java.svc", "1.0", Node.of("java-1", "_INBOX.java-1"));
      java.register(javaService);
      String inbox = go.createInbox();
      Subscription replies = go.subscribe(inbox);
      go.flush(WAIT);
      go.publish("micro.registry.nats.query", inbox,
          vector("go-query-get.json").replace("go.micro.srv.greeter", "java.svc").getBytes(StandardCharsets.UTF_8));
      io.nats.client.Message reply = replies.nextMessage(WAIT);
      assertThat(reply).isNotNull();
      String json = new String(reply.getData(), StandardCharsets.UTF_8);
      assertThat(json).startsWith("{\"name\":\"java.svc\",\"version\":\"1.0\",\"metadata\":{}");
      assertThat(RegistryCodec.readService(json)).isEqualTo(javaService);
    } finally {
      go.close();
    }
  }

  @Test
  void watchEventsFlowBothWays() throws Exception {
    Connection go = Nats.connect(cluster.node(2).clientUrl());
    try (NatsRegistry java = NatsRegistry.builder()
        .config(PluginConfig.of("addresses", cluster.node(0).clientUrl(), "profile", "go-micro")).build().startQuietly();
         Watcher watcher = java.watch("go.micro.srv.echo")) {
      Subscription goWatch = go.subscribe("micro.registry.nats.watch");
      go.flush(WAIT);
      cluster.awaitInterest("micro.registry.nats.watch", WAIT);
      go.publish("micro.registry.nats.watch", vector("go-event-create.json").getBytes(StandardCharsets.UTF_8));
      WatchEvent event = watcher.next(WAIT).orElseThrow();
      assertThat(event.action()).isEqualTo(WatchEvent.Action.CREATE);
      assertThat(event.service().metadata()).containsEntry("env", "test");

      java.register(GREETER);
      String seen = "";
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!seen.contains("go.micro.srv.greeter") && System.nanoTime() < deadline) {
        io.nats.client.Message m = goWatch.nextMessage(WAIT);
        seen = m == null ? "" : new String(m.getData(), StandardCharsets.UTF_8);
      }
      assertThat(seen).isEqualTo(vector("java-event-create.json"));
    } finally {
      go.close();
    }
  }

  static String vector(String name) {
    try (InputStream in = GoMicroWireTest.class.getResourceAsStream("/golang-wire/" + name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
