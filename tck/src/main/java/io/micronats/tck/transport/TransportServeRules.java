package io.micronats.tck.transport;

import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.TransportException;
import io.micronats.spi.transport.ExchangeHandler;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.micronats.tck.rules.RuleTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Transport rules TRN-029 to TRN-034: unary-exchange serving ({@code Transport.serve}) - one
 * reply per request in order, replies on their own connection, failing handlers, listener close,
 * too-large replies and exclusive addresses.
 *
 * <p>Abstract: subclass it (or {@link TransportContract}) and supply {@link #target()}. One
 * instance per rule test.
 */
public abstract class TransportServeRules extends TransportRuleSupport {

  /** The reply the rules' exchange handler gives: the request's body prefixed, its headers kept plus one. */
  static Message answer(Message request) {
    Map<String, String> headers = new LinkedHashMap<>(request.headers());
    headers.put("X-Served", "yes");
    return new Message(headers, ("re:" + request.bodyAsString()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static boolean sameMessage(Message expected, Message actual) {
    return expected.headers().equals(actual.headers()) && java.util.Arrays.equals(expected.body(), actual.body());
  }

  @RuleTest("TRN-029")
  final void trn029ServeAnswersEachRequestOnceInOrder() throws Exception {
    Listener listener = closeLater(transport().serve(TransportServeRules::answer));
    Socket client = dial(listener.address());
    int n = 25;
    List<Message> requests = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("X-Seq", Integer.toString(i));
      headers.put("Mixed-Case-Name", "v" + i);
      headers.put("X-Empty", "");
      requests.add(new Message(headers, ("q" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    for (Message r : requests) {
      client.send(r);
    }
    for (int i = 0; i < n; i++) {
      Message expected = answer(requests.get(i));
      Message reply = receive(client, "reply " + (i + 1) + " of " + n + " to pipelined requests");
      check(sameMessage(expected, reply), "reply " + (i + 1) + " to be " + expected + " (handler's reply to request "
          + (i + 1) + ", headers kept)", "got " + reply);
    }
    Duration quiet = env().quietWindow();
    Message stray;
    try {
      stray = env().bounded("receive() after the last reply", quiet.plus(env().waitTimeout()), () -> client.receive(quiet));
    } catch (OperationTimeoutException expected) {
      return;
    }
    throw new AssertionError("expected exactly " + n + " replies to " + n + " requests, but another message came within "
        + quiet.toMillis() + " ms: " + stray);
  }

  @RuleTest("TRN-030")
  final void trn030ServedRepliesGoToTheirOwnConnection() throws Exception {
    Listener listener = closeLater(transport().serve(TransportServeRules::answer));
    int clients = 16;
    int each = 10;
    List<CompletableFuture<Object>> results = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      String tag = "c" + c;
      Socket socket = dial(listener.address());
      results.add(inBackground(() -> {
        for (int i = 0; i < each; i++) {
          socket.send(Message.of(tag + "-" + i));
          Message reply = socket.receive(env().waitTimeout());
          String want = "re:" + tag + "-" + i;
          if (!reply.bodyAsString().equals(want)) {
            return "client " + tag + " expected '" + want + "' but got '" + reply.bodyAsString() + "'";
          }
        }
        Message stray;
        try {
          stray = socket.receive(env().quietWindow());
        } catch (OperationTimeoutException quiet) {
          return "ok";
        }
        return "client " + tag + " got an extra reply '" + stray.bodyAsString() + "'";
      }));
    }
    long deadline = System.nanoTime() + env().waitTimeout().multipliedBy(3).toNanos();
    for (int c = 0; c < clients; c++) {
      long left = Math.max(1, deadline - System.nanoTime());
      Object r;
      try {
        r = results.get(c).get(left, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        r = "client c" + c + " was still waiting for its replies";
      }
      check("ok".equals(r), "each of " + clients + " concurrent clients to get only the replies to its own " + each
          + " requests, in order", r instanceof Throwable t ? "client c" + c + " failed with " + t : r);
    }
  }

  @RuleTest("TRN-031")
  @SuppressWarnings("NullAway") // the handler returns null on purpose: the rule is what the plugin does then
  final void trn031FailingExchangeClosesOnlyItsConnection() throws Exception {
    Listener listener = closeLater(transport().serve(unique("fail"), request -> {
      String body = request.bodyAsString();
      if (body.equals("throw")) {
        throw new IllegalStateException("deliberate exchange failure (TCK)");
      }
      if (body.equals("null")) {
        return null;
      }
      return answer(request);
    }));
    for (String failure : List.of("throw", "null")) {
      Socket bystander = dial(listener.address());
      bystander.send(Message.of("warm-up"));
      receive(bystander, "a reply before another connection's handler failed");
      Socket failing = dial(listener.address());
      failing.send(Message.of(failure));
      expectThrows(ClosedException.class, "receive() on the connection whose handler "
          + (failure.equals("throw") ? "threw" : "returned null"), env().waitTimeout().multipliedBy(2),
          () -> failing.receive(env().waitTimeout()));
      check(listener.isOpen(), "the listener to stay open after a handler failed", "isOpen() was false");
      bystander.send(Message.of("still-" + failure));
      check(receive(bystander, "a reply on another connection after a handler " + failure).bodyAsString()
          .equals("re:still-" + failure), "the reply 're:still-" + failure + "'", "another body");
    }
  }

  @RuleTest("TRN-032")
  final void trn032ClosingAServedListenerEndsItsConnections() throws Exception {
    Listener listener = closeLater(transport().serve(unique("sclose"), TransportServeRules::answer));
    Socket client = dial(listener.address());
    client.send(Message.of("before"));
    receive(client, "a reply before the served listener closed");
    env().boundedRun("Listener.close() of a served listener", listener::close);
    check(!listener.isOpen(), "isOpen() false after Listener.close()", "it was true");
    expectThrows(ClosedException.class, "receive() on a connection of a closed served listener",
        env().waitTimeout().multipliedBy(2), () -> client.receive(env().waitTimeout()));
    Duration dialTimeout = env().waitTimeout();
    expectThrows(NoRespondersException.class, "dial, send and receive to the closed served listener '"
        + listener.address() + "'", dialTimeout.multipliedBy(3), () -> {
          Socket s = closeLater(transport().dial(listener.address(), dialTimeout));
          s.send(Message.of("anyone?"));
          return s.receive(dialTimeout);
        });
  }

  @RuleTest("TRN-033")
  final void trn033TooLargeReplyIsReplacedBySubstitute() throws Exception {
    long max = transport().maxPayloadBytes();
    check(max > 0 && max < 64L * 1024 * 1024, "maxPayloadBytes() between 1 byte and 64 MiB for this rule",
        "it was " + max);
    Listener listener = closeLater(transport().serve(unique("big"), new ExchangeHandler() {
      @Override
      public Message exchange(Message request) {
        return request.bodyAsString().equals("big") ? Message.of(new byte[(int) max + 1]) : answer(request);
      }

      @Override
      public Message replyTooLarge(Message request, PayloadTooLargeException failure) {
        return Message.of("too large: " + request.bodyAsString());
      }
    }));
    Socket client = dial(listener.address());
    client.send(Message.of("big"));
    Message reply = receive(client, "the substitute for a reply of " + (max + 1) + " bytes");
    check(reply.bodyAsString().equals("too large: big"), "replyTooLarge's substitute 'too large: big'",
        "got a reply of " + reply.body().length + " bytes");
    client.send(Message.of("small"));
    check(receive(client, "a reply after the substitute").bodyAsString().equals("re:small"),
        "the connection to keep serving: reply 're:small'", "another body");
  }

  @RuleTest("TRN-034")
  final void trn034ServeOnAnAddressInUseIsRejected() throws Exception {
    Listener first = echoListener();
    expectThrows(TransportException.class, "serve('" + first.address() + "') on an address listened on",
        () -> closeLater(transport().serve(first.address(), TransportServeRules::answer)));
    Listener served = closeLater(transport().serve(unique("excl"), TransportServeRules::answer));
    expectThrows(TransportException.class, "listen('" + served.address() + "') on an address served",
        () -> closeLater(transport().listen(served.address(), echoHandler())));
    Socket echo = dial(first.address());
    echo.send(Message.of("first"));
    check(receive(echo, "an echo from the first listener").bodyAsString().equals("first"), "the echo 'first'", "another body");
    Socket client = dial(served.address());
    client.send(Message.of("second"));
    check(receive(client, "a reply from the served listener").bodyAsString().equals("re:second"),
        "the reply 're:second'", "another body");
  }
}
