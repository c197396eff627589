package io.micronats.tck.transport;

import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.MessagingException;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.TransportException;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.micronats.spi.transport.Transport;
import io.micronats.tck.BackendControl;
import io.micronats.tck.rules.RuleTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Transport rules TRN-015 to TRN-028: timeouts, close semantics (nothing hangs, a close reaches
 * the peer), failures, bad input, exclusive listening and backend restarts.
 *
 * <p>Abstract: subclass it (or {@link TransportContract}) and supply {@link #target()}. One
 * instance per rule test.
 */
public abstract class TransportLifecycleRules extends TransportRuleSupport {

  @RuleTest("TRN-015")
  final void trn015ReceiveTimesOutAndSocketStaysUsable() throws Exception {
    Socket client = dial(echoListener().address());
    Duration timeout = env().scaled(300);
    long start = System.nanoTime();
    expectThrows(OperationTimeoutException.class, "receive(" + timeout.toMillis() + " ms) with nothing sent",
        timeout.plus(env().waitTimeout()), () -> client.receive(timeout));
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    check(tookMillis >= timeout.toMillis() - 20, "receive() to wait about its timeout of " + timeout.toMillis() + " ms",
        "it gave up after " + tookMillis + " ms");
    client.send(Message.of("still usable"));
    check(receive(client, "an echo after the timeout").bodyAsString().equals("still usable"),
        "the echo 'still usable'", "another body");
  }

  @RuleTest("TRN-016")
  final void trn016ClientCloseReachesServer() throws Exception {
    BlockingQueue<Object> outcome = new LinkedBlockingQueue<>();
    String address = unique("peerclose");
    closeLater(transport().listen(address, socket -> {
      socket.receive(env().waitTimeout());
      try {
        Message m = socket.receive(env().waitTimeout().multipliedBy(3));
        outcome.add("a message: " + m);
      } catch (Exception e) {
        outcome.add(e);
      }
      outcome.add(socket.isOpen());
    }));
    Socket client = dial(address);
    client.send(Message.of("hello"));
    Thread.sleep(env().quietWindow().toMillis());
    client.close();
    Object result = outcome.poll(env().waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    check(result instanceof ClosedException, "the server's blocked receive() to fail with ClosedException within "
        + env().waitTimeout().toMillis() + " ms of the client's close", result == null ? "it was still blocked" : "it ended with " + result);
    Object open = outcome.poll(env().waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    check(Boolean.FALSE.equals(open), "the server socket's isOpen() to be false after the peer closed", "it was " + open);
  }

  @RuleTest("TRN-017")
  final void trn017ServerCloseReachesClientAfterPendingMessages() throws Exception {
    String address = unique("srvclose");
    closeLater(transport().listen(address, socket -> {
      socket.receive(env().waitTimeout());
      for (int i = 0; i < 3; i++) {
        socket.send(Message.of("r" + i));
      }
      socket.close();
    }));
    Socket client = dial(address);
    client.send(Message.of("go"));
    for (int i = 0; i < 3; i++) {
      String body = receive(client, "reply r" + i + " sent before the server closed").bodyAsString();
      check(body.equals("r" + i), "reply r" + i, "got " + body);
    }
    expectThrows(ClosedException.class, "the client's receive() after the server closed",
        env().waitTimeout().multipliedBy(2), () -> client.receive(env().waitTimeout()));
    check(!client.isOpen(), "the client's isOpen() to be false after the server closed", "it was true");
  }

  @RuleTest("TRN-018")
  final void trn018CloseReleasesBlockedReceive() throws Exception {
    Socket client = dial(echoListener().address());
    CompletableFuture<Object> blocked = inBackground(() -> client.receive(Duration.ofMinutes(5)));
    Thread.sleep(env().quietWindow().toMillis());
    client.close();
    Object result;
    try {
      result = blocked.get(env().waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      result = "still blocked after " + env().waitTimeout().toMillis() + " ms";
    }
    check(result instanceof ClosedException, "close() to release a blocked receive() with ClosedException", result);
  }

  @RuleTest("TRN-019")
  final void trn019UseAfterCloseFailsPromptly() throws Exception {
    Socket client = dial(echoListener().address());
    client.close();
    check(!client.isOpen(), "isOpen() false after close()", "it was true");
    expectThrows(ClosedException.class, "send() after close()", () -> {
      client.send(Message.of("late"));
      return null;
    });
    expectThrows(ClosedException.class, "receive() after close()", () -> client.receive(Duration.ofMinutes(5)));
  }

  @RuleTest("TRN-020")
  final void trn020CloseIsIdempotent() throws Exception {
    Transport own = newTransport();
    Listener listener = own.listen(unique("idem"), echoHandler());
    Socket client = own.dial(listener.address(), env().waitTimeout());
    for (AutoCloseable c : List.<AutoCloseable>of(client, client, listener, listener, own, own)) {
      env().boundedRun("close() of " + c.getClass().getSimpleName() + " (called twice)", c::close);
    }
    check(!listener.isOpen() && !client.isOpen(), "closed listener and socket to report isOpen() false",
        "listener " + listener.isOpen() + ", socket " + client.isOpen());
  }

  @RuleTest("TRN-021")
  final void trn021ListenerCloseEndsItsConnections() throws Exception {
    Listener listener = closeLater(transport().listen(unique("lclose"), echoHandler()));
    Socket client = dial(listener.address());
    client.send(Message.of("before"));
    receive(client, "an echo before the listener closed");
    env().boundedRun("Listener.close()", listener::close);
    check(!listener.isOpen(), "isOpen() false after Listener.close()", "it was true");
    expectThrows(ClosedException.class, "receive() on a connection of a closed listener",
        env().waitTimeout().multipliedBy(2), () -> client.receive(env().waitTimeout()));
    expectNoResponders(listener.address());
  }

  @RuleTest("TRN-022")
  final void trn022DialWithoutListenerFailsWithNoResponders() throws Exception {
    expectNoResponders(unique("nobody"));
  }

  private void expectNoResponders(String address) throws Exception {
    Duration dialTimeout = env().waitTimeout();
    expectThrows(NoRespondersException.class, "dial, send and receive to '" + address + "' where nobody listens",
        dialTimeout.multipliedBy(3), () -> {
          Socket s = closeLater(transport().dial(address, dialTimeout));
          s.send(Message.of("anyone?"));
          return s.receive(dialTimeout);
        });
  }

  @RuleTest("TRN-023")
  final void trn023HandlerFailureClosesOnlyItsSocket() throws Exception {
    Listener listener = closeLater(transport().listen(unique("boom"), socket -> {
      Message m = socket.receive(env().waitTimeout());
      if (m.bodyAsString().equals("boom")) {
        throw new IllegalStateException("deliberate handler failure (TCK)");
      }
      socket.send(m);
      socket.receive(env().waitTimeout());
    }));
    Socket first = dial(listener.address());
    first.send(Message.of("boom"));
    expectThrows(ClosedException.class, "receive() on the socket whose handler threw",
        env().waitTimeout().multipliedBy(2), () -> first.receive(env().waitTimeout()));
    check(listener.isOpen(), "the listener to stay open after a handler threw", "isOpen() was false");
    Socket second = dial(listener.address());
    second.send(Message.of("fine"));
    check(receive(second, "an echo on a new connection after a handler threw").bodyAsString().equals("fine"),
        "the echo 'fine'", "another body");
  }

  @RuleTest("TRN-024")
  final void trn024TransportCloseReleasesEverything() throws Exception {
    Transport own = newTransport();
    Listener listener = own.listen(unique("tclose"), echoHandler());
    Socket client = own.dial(listener.address(), env().waitTimeout());
    CompletableFuture<Object> blocked = inBackground(() -> client.receive(Duration.ofMinutes(5)));
    Thread.sleep(env().quietWindow().toMillis());
    env().boundedRun("Transport.close()", own::close);
    Object result;
    try {
      result = blocked.get(env().waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      result = "still blocked";
    }
    check(result instanceof ClosedException, "Transport.close() to release a blocked receive() with ClosedException", result);
    check(!listener.isOpen(), "the transport's listener to be closed", "isOpen() was true");
    expectThrows(ClosedException.class, "listen() on a closed transport", () -> own.listen(unique("late"), echoHandler()));
    expectThrows(ClosedException.class, "dial() on a closed transport", () -> own.dial(listener.address(), env().waitTimeout()));
  }

  @RuleTest("TRN-025")
  final void trn025InvalidAddressesAreRejected() throws Exception {
    for (String bad : List.of("", "has space", "tab\there", "wild.*", "wild.>", "double..dot", ".leading", "trailing.")) {
      expectThrows(IllegalArgumentException.class, "listen('" + bad + "')", () -> transport().listen(bad, echoHandler()));
      expectThrows(IllegalArgumentException.class, "dial('" + bad + "')", () -> transport().dial(bad, env().waitTimeout()));
    }
    Socket client = dial(echoListener().address());
    client.send(Message.of("ok"));
    receive(client, "an echo after the invalid addresses were rejected");
  }

  @RuleTest("TRN-026")
  @SuppressWarnings("NullAway") // passes null on purpose: the rule is that the plugin rejects it
  final void trn026NullArgumentsAreRejected() throws Exception {
    Socket client = dial(echoListener().address());
    List<Callable<?>> calls = List.of(
        () -> transport().listen(null, echoHandler()),
        () -> transport().listen(unique("n"), null),
        () -> transport().listen(null),
        () -> transport().dial(null, env().waitTimeout()),
        () -> transport().dial(unique("n"), null),
        () -> {
          client.send(null);
          return null;
        },
        () -> client.receive(null));
    String[] names = {"listen(null, h)", "listen(addr, null)", "listen(null handler)", "dial(null, t)", "dial(addr, null)",
        "send(null)", "receive(null)"};
    for (int i = 0; i < calls.size(); i++) {
      RuntimeException e = expectThrows(RuntimeException.class, names[i], calls.get(i));
      check(e instanceof NullPointerException || e instanceof IllegalArgumentException,
          names[i] + " to throw NullPointerException or IllegalArgumentException", "it threw " + e);
    }
    client.send(Message.of("ok"));
    receive(client, "an echo after the null arguments were rejected");
  }

  @RuleTest("TRN-027")
  final void trn027SecondListenOnAnAddressIsRejected() throws Exception {
    Listener first = echoListener();
    expectThrows(TransportException.class, "a second listen('" + first.address() + "')",
        () -> closeLater(transport().listen(first.address(), echoHandler())));
    Socket client = dial(first.address());
    client.send(Message.of("first"));
    receive(client, "an echo from the first listener");
  }

  @RuleTest("TRN-028")
  final void trn028ListenerServesAgainAfterBackendRestart() throws Exception {
    Listener listener = echoListener();
    BackendControl backend = tck().backendControl().orElseThrow();
    backend.restart();
    long deadline = System.nanoTime() + env().waitTimeout().multipliedBy(2).toNanos();
    MessagingException last = null;
    while (System.nanoTime() < deadline) {
      try (Socket client = transport().dial(listener.address(), env().waitTimeout())) {
        client.send(Message.of("after restart"));
        if (client.receive(env().waitTimeout()).bodyAsString().equals("after restart")) {
          return;
        }
      } catch (MessagingException e) {
        last = e;
        Thread.sleep(50);
      }
    }
    throw new AssertionError("expected the listener to answer again within " + env().waitTimeout().multipliedBy(2).toMillis()
        + " ms of the backend restart, but the last attempt failed with " + last, last);
  }
}
