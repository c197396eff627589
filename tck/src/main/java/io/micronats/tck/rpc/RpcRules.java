package io.micronats.tck.rpc;

import io.micronats.tck.env.TckThreads;
import io.micronats.spi.Message;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.rpc.RemoteException;
import io.micronats.spi.rpc.RpcClient;
import io.micronats.spi.rpc.RpcHandler;
import io.micronats.spi.rpc.RpcHeaders;
import io.micronats.spi.rpc.RpcServer;
import io.micronats.spi.rpc.Selectors;
import io.micronats.spi.transport.Transport;
import io.micronats.tck.RuleGroup;
import io.micronats.tck.rules.RuleTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * RPC rules RPC-001 to RPC-009: the micronats RPC client and server
 * ({@link RpcClient}, {@link RpcServer}) over the target's transport and registry: calls,
 * errors, timeouts, isolation of concurrent callers, cross-instance calls and failover.
 *
 * <p>Abstract: subclass it (or {@link RpcContract}) and supply {@link #target()}. One instance
 * per rule test. Needs both a transport and a registry from the target.
 */
public abstract class RpcRules extends RuleGroup {

  private RpcServer server(Transport transport, Registry registry, String name, String endpoint, RpcHandler handler) {
    return closeLater(RpcServer.builder().name(name).version("1.0.0").transport(transport).registry(registry)
        .endpoint(endpoint, handler).build().start());
  }

  private RpcClient client(Transport transport, Registry registry) {
    return closeLater(RpcClient.builder().transport(transport).registry(registry).selector(Selectors.roundRobin())
        .timeout(env().waitTimeout()).dialTimeout(env().waitTimeout()).build());
  }

  private RpcClient client() {
    return client(transport(), registry());
  }

  @RuleTest("RPC-001")
  final void rpc001CallReturnsTheEndpointsResponse() throws Exception {
    String name = unique("greeter");
    server(transport(), registry(), name, "Greeter.Hello",
        req -> Message.of("hello " + req.bodyAsString()).withHeader("X-Reply", req.header("X-Req").orElse("none")));
    Message reply = client().call(name, "Greeter.Hello", Message.of("world").withHeader("X-Req", "r1"));
    check(reply.bodyAsString().equals("hello world") && reply.header("X-Reply").equals(java.util.Optional.of("r1")),
        "the response 'hello world' with header X-Reply=r1", "got '" + reply.bodyAsString() + "' " + reply.headers());
  }

  @RuleTest("RPC-002")
  final void rpc002UnknownServiceIsNotFound() throws Exception {
    String name = unique("nobody");
    ServiceNotFoundException e = expectThrows(ServiceNotFoundException.class, "a call of unregistered '" + name + "'",
        () -> client().call(name, "X.Y", Message.of("?")));
    check(String.valueOf(e.getMessage()).contains(name), "the message to name '" + name + "'", "it was " + e.getMessage());
  }

  @RuleTest("RPC-003")
  final void rpc003HandlerFailureIsARemoteError() throws Exception {
    String name = unique("failing");
    server(transport(), registry(), name, "Svc.Fail", req -> {
      if (req.bodyAsString().equals("boom")) {
        throw new IllegalStateException("deliberate failure (TCK)");
      }
      return Message.of("fine");
    });
    RpcClient client = client();
    RemoteException e = expectThrows(RemoteException.class, "a call whose handler throws",
        () -> client.call(name, "Svc.Fail", Message.of("boom")));
    check(e.code() == RpcHeaders.INTERNAL_ERROR && e.remoteMessage().contains("deliberate failure"),
        "RemoteException code 500 carrying 'deliberate failure'", "code " + e.code() + ": " + e.remoteMessage());
    check(client.call(name, "Svc.Fail", Message.of("ok")).bodyAsString().equals("fine"),
        "the server to keep serving after a handler failure", "another answer");
  }

  @RuleTest("RPC-004")
  final void rpc004UnknownEndpointIsARemoteNotFound() throws Exception {
    String name = unique("partial");
    server(transport(), registry(), name, "Svc.Known", req -> Message.of("known"));
    RemoteException e = expectThrows(RemoteException.class, "a call of an unknown endpoint",
        () -> client().call(name, "Svc.Unknown", Message.of("?")));
    check(e.code() == RpcHeaders.NOT_FOUND, "RemoteException code 404", "code " + e.code() + ": " + e.remoteMessage());
  }

  @RuleTest("RPC-005")
  final void rpc005SlowHandlerTimesTheCallOut() throws Exception {
    String name = unique("slow");
    CountDownLatch release = new CountDownLatch(1);
    server(transport(), registry(), name, "Svc.Slow", req -> {
      if (req.bodyAsString().equals("slow")) {
        release.await(env().ruleTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
      return Message.of("done");
    });
    RpcClient client = client();
    Duration timeout = env().scaled(300);
    try {
      long start = System.nanoTime();
      expectThrows(OperationTimeoutException.class, "a call with a " + timeout.toMillis() + " ms timeout to a stuck handler",
          timeout.plus(env().waitTimeout()), () -> client.call(name, "Svc.Slow", Message.of("slow"), timeout));
      long took = (System.nanoTime() - start) / 1_000_000;
      check(took >= timeout.toMillis() - 20, "the call to wait about its timeout", "it failed after " + took + " ms");
    } finally {
      release.countDown();
    }
    check(client.call(name, "Svc.Slow", Message.of("fast")).bodyAsString().equals("done"),
        "a later call to succeed", "another answer");
  }

  @RuleTest("RPC-006")
  final void rpc006ConcurrentCallersGetTheirOwnReplies() throws Exception {
    String name = unique("echo");
    server(transport(), registry(), name, "Svc.Echo", req -> Message.of(req.bodyAsString()));
    RpcClient client = client();
    ExecutorService pool = TckThreads.pool("tck-rpc", 8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int c = 0; c < 16; c++) {
        int id = c;
        results.add(pool.submit(() -> {
          for (int i = 0; i < 10; i++) {
            String body = "caller" + id + ":" + i;
            String got = client.call(name, "Svc.Echo", Message.of(body)).bodyAsString();
            if (!got.equals(body)) {
              return "caller " + id + " sent " + body + " and got " + got;
            }
          }
          return "";
        }));
      }
      for (Future<String> f : results) {
        String problem = f.get(env().ruleTimeout().toMillis(), TimeUnit.MILLISECONDS);
        check(problem.isEmpty(), "each of 16 concurrent callers to get the replies to its own requests", problem);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @RuleTest("RPC-007")
  final void rpc007ClientOnOtherInstancesReachesTheServer() throws Exception {
    String name = unique("remote");
    server(transport(), registry(), name, "Svc.Where", req -> Message.of("here"));
    RpcClient client = client(newTransport(), newRegistry());
    long deadline = System.nanoTime() + env().waitTimeout().toNanos();
    while (true) {
      try {
        String got = client.call(name, "Svc.Where", Message.of("?")).bodyAsString();
        check(got.equals("here"), "the answer 'here'", "got " + got);
        return;
      } catch (ServiceNotFoundException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("expected a client on other transport and registry instances to find the server within "
              + env().waitTimeout().toMillis() + " ms, but " + e.getMessage(), e);
        }
        Thread.sleep(20);
      }
    }
  }

  @RuleTest("RPC-008")
  final void rpc008CallsMoveToTheRemainingServer() throws Exception {
    String name = unique("pair");
    RpcServer first = server(transport(), registry(), name, "Svc.Who", req -> Message.of("first"));
    server(newTransport(), newRegistry(), name, "Svc.Who", req -> Message.of("second"));
    RpcClient client = client();
    env().awaitTrue("the client to see both servers", () -> {
      try {
        return client.lookup(name).stream().mapToInt(s -> s.nodes().size()).sum() == 2;
      } catch (Exception e) {
        return false;
      }
    });
    first.close();
    for (int i = 0; i < 10; i++) {
      String got = env().bounded("call " + i + " after one server closed",
          () -> client.call(name, "Svc.Who", Message.of("?")).bodyAsString());
      check(got.equals("second"), "every call after the first server closed to reach the second", "call " + i + " got " + got);
    }
  }

  @RuleTest("RPC-009")
  final void rpc009RoundRobinSpreadsCalls() throws Exception {
    String name = unique("spread");
    Map<String, Integer> hits = new ConcurrentHashMap<>();
    server(transport(), registry(), name, "Svc.Hit", req -> {
      hits.merge("a", 1, Integer::sum);
      return Message.of("a");
    });
    server(newTransport(), newRegistry(), name, "Svc.Hit", req -> {
      hits.merge("b", 1, Integer::sum);
      return Message.of("b");
    });
    RpcClient client = client();
    env().awaitTrue("the client to see both servers", () -> {
      try {
        return client.lookup(name).stream().mapToInt(s -> s.nodes().size()).sum() == 2;
      } catch (Exception e) {
        return false;
      }
    });
    for (int i = 0; i < 20; i++) {
      client.call(name, "Svc.Hit", Message.of("?"));
    }
    check(hits.getOrDefault("a", 0) >= 5 && hits.getOrDefault("b", 0) >= 5,
        "20 round-robin calls to reach both servers (at least 5 each)", "hits " + hits);
  }
}
