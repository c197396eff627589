package io.micronats.nats.gomicro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronats.nats.gomicro.GoMicroVectors.Captured;
import io.micronats.nats.transport.gomicro.GoMicroTransport;
import io.micronats.spi.Message;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import io.micronats.spi.rpc.RemoteException;
import io.micronats.spi.rpc.RpcClient;
import io.micronats.spi.rpc.RpcServer;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * micronats' unchanged {@code RpcClient} and {@code RpcServer} over the go-micro transport, against
 * the captured go-micro v2.9.1 RPC exchanges ({@code rpc-call-json.json}, {@code rpc-error-*.json}),
 * on a real nats-server: a raw jnats peer answers as the captured go-micro server did, and
 * replays the captured go-micro client's requests at our server.
 */
class GoMicroRpcInteropTest extends GoMicroNode {

  private static final List<Captured> CALL = GoMicroVectors.load("rpc-call-json.json");
  private static final List<Captured> FAIL = GoMicroVectors.load("rpc-error-micro.json");
  private static final List<Captured> PLAIN = GoMicroVectors.load("rpc-error-plain.json");

  private static Registry memoryRegistry() {
    return Plugins.registry("memory", PluginConfig.of("namespace", "gomicro-" + UUID.randomUUID()));
  }

  @Test
  void ourRpcClientCallsAGoMicroServerAndReadsItsErrors() throws Exception {
    Map<String, Captured> answers = Map.of("Greeter.Hello", CALL.get(1), "Greeter.Fail", FAIL.get(1),
        "Greeter.Plain", PLAIN.get(1));
    Map<String, Message> seen = new ConcurrentHashMap<>();
    Connection go = peer();
    String address = go.createInbox(); // a go-micro server listens on a fresh inbox
    try (Registry registry = memoryRegistry();
         GoMicroTransport transport = GoMicroTransport.create(goMicro());
         RpcClient client = RpcClient.builder().transport(transport).registry(registry).build()) {
      Dispatcher server = go.createDispatcher(msg -> {
        Message request = io.micronats.nats.gomicro.Envelope.decode(msg.getData(), 1 << 20);
        String endpoint = request.headers().get("Micro-Method");
        seen.put(endpoint, request);
        go.publish(msg.getReplyTo(), answers.get(endpoint).payload());
      });
      server.subscribe(address);
      go.flush(WAIT);
      registry.register(Service.of("go.micro.srv.greeter", "1.0.0", Node.of("go.micro.srv.greeter-1", address)),
          RegisterOptions.ttl(Duration.ofMinutes(1)));

      Message reply = client.call("go.micro.srv.greeter", "Greeter.Hello", Message.of("{\"name\":\"Alice\"}\n"), WAIT);
      assertThat(reply.bodyAsString()).isEqualTo("{\"msg\":\"Hello Alice\"}\n");
      Message goRequest = CALL.get(0).envelope();
      Message ourRequest = seen.get("Greeter.Hello");
      assertThat(ourRequest.body()).isEqualTo(goRequest.body());
      for (String h : List.of("Accept", "Content-Type", "Micro-Endpoint", "Micro-Method")) {
        assertThat(ourRequest.headers().get(h)).as(h).isEqualTo(goRequest.headers().get(h));
      }
      assertThat(ourRequest.headers()).containsKey("Micro-Id");

      RemoteException fail = catchThrowableOfType(RemoteException.class,
          () -> client.call("go.micro.srv.greeter", "Greeter.Fail", Message.of("{\"name\":\"Mallory\"}\n"), WAIT));
      assertThat(fail.code()).isEqualTo(400);
      assertThat(fail.remoteMessage()).isEqualTo("name \"Mallory\" is not allowed");

      RemoteException plain = catchThrowableOfType(RemoteException.class,
          () -> client.call("go.micro.srv.greeter", "Greeter.Plain", Message.of("{\"name\":\"Erin\"}\n"), WAIT));
      assertThat(plain.code()).isZero(); // as go-micro's errors.Parse reads plain text
      assertThat(plain.remoteMessage()).isEqualTo("plain failure for Erin");
    } finally {
      go.close();
    }
  }

  @Test
  void aGoMicroClientReplayedAtOurRpcServerGetsGosReplies() throws Exception {
    Connection go = peer();
    try (Registry registry = memoryRegistry();
         GoMicroTransport transport = GoMicroTransport.create(goMicro());
         RpcServer server = RpcServer.builder().name("go.micro.srv.greeter").version("1.0.0")
             .transport(transport).registry(registry)
             .endpoint("Greeter.Hello", r -> Message.of("{\"msg\":\"Hello Alice\"}\n"))
             .endpoint("Greeter.Fail", r -> {
               throw new IllegalArgumentException("name \"Mallory\" is not allowed");
             })
             .build().start()) {
      String inbox = go.createInbox();
      Subscription in = go.subscribe(inbox);
      go.flush(WAIT);

      go.publish(server.address(), inbox, CALL.get(0).payload());
      io.nats.client.Message ok = in.nextMessage(WAIT);
      assertThat(ok).isNotNull();
      assertThat(new String(ok.getData(), StandardCharsets.UTF_8)).isEqualTo(CALL.get(1).text()); // byte for byte

      go.publish(server.address(), inbox, FAIL.get(0).payload()); // same reply subject: a pooled Go connection
      io.nats.client.Message err = in.nextMessage(WAIT);
      assertThat(err).isNotNull();
      Message ours = io.micronats.nats.gomicro.Envelope.decode(err.getData(), 1 << 20);
      Message gos = FAIL.get(1).envelope();
      assertThat(ours.headers().keySet()).containsExactlyInAnyOrderElementsOf(gos.headers().keySet());
      assertThat(ours.bodyLength()).isZero();
      Map<String, Object> error = GoMicroVectors.tree(ours.headers().get("Micro-Error").getBytes(StandardCharsets.UTF_8));
      assertThat(error).containsEntry("id", "go.micro.srv.greeter").containsEntry("detail", "name \"Mallory\" is not allowed")
          .containsEntry("status", "Internal Server Error"); // micronats handler failures are 500s
      assertThat(error.get("code").toString()).isEqualTo("500");
      assertThat(ours.headers().get("X-Micro-Error")).isEqualTo(ours.headers().get("Micro-Error"));

      // A go-micro request naming only Micro-Method (X- variants alike) is routed too.
      Message minimal = new Message(Map.of("Content-Type", "application/json", "Micro-Method", "Greeter.Hello"),
          "{}".getBytes(StandardCharsets.UTF_8));
      go.publish(server.address(), inbox, io.micronats.nats.gomicro.Envelope.encode(minimal));
      io.nats.client.Message third = in.nextMessage(WAIT);
      assertThat(third).isNotNull();
      assertThat(io.micronats.nats.gomicro.Envelope.decode(third.getData(), 1 << 20).bodyAsString())
          .isEqualTo("{\"msg\":\"Hello Alice\"}\n");
    } finally {
      go.close();
    }
  }
}
