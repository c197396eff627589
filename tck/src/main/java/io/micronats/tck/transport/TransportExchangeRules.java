package io.micronats.tck.transport;

import io.micronats.tck.env.TckThreads;
import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.Names;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.micronats.spi.transport.Transport;
import io.micronats.tck.rules.RuleTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Transport rules TRN-001 to TRN-014: listening, exchanging messages, ordering, isolation,
 * concurrency and payload limits.
 *
 * <p>Abstract: subclass it (or {@link TransportContract}, or {@code MicronatsTck}) and supply
 * {@link #target()}. One instance per rule test.
 */
public abstract class TransportExchangeRules extends TransportRuleSupport {

  /** The largest payload the TCK allocates to test limits: {@value} bytes. */
  public static final long LARGEST_TESTED_PAYLOAD = 16L * 1024 * 1024;

  @RuleTest("TRN-001")
  final void trn001ListenOnExplicitAddress() {
    String address = unique("explicit");
    Listener listener = closeLater(transport().listen(address, echoHandler()));
    check(listener.address().equals(address), "address() to be '" + address + "'", "it was '" + listener.address() + "'");
    check(listener.isOpen(), "a new listener to be open", "isOpen() was false");
  }

  @RuleTest("TRN-002")
  final void trn002ListenOnFreshAddress() throws Exception {
    Listener a = closeLater(transport().listen(echoHandler()));
    Listener b = closeLater(transport().listen(echoHandler()));
    for (Listener l : List.of(a, b)) {
      try {
        Names.requireAddress(l.address());
      } catch (RuntimeException e) {
        throw new AssertionError("expected a valid address from listen(handler), but " + e.getMessage(), e);
      }
    }
    check(!a.address().equals(b.address()), "two listen(handler) calls to give different addresses",
        "both were '" + a.address() + "'");
    for (Listener l : List.of(a, b)) {
      Socket client = dial(l.address());
      client.send(Message.of("ping"));
      check(receive(client, "the echo from " + l.address()).bodyAsString().equals("ping"),
          "the echo 'ping'", "another body");
    }
  }

  @RuleTest("TRN-003")
  final void trn003RequestReachesServer() throws Exception {
    BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    String address = unique("srv");
    closeLater(transport().listen(address, socket -> received.add(socket.receive(env().waitTimeout()))));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Mixed-Case-Key", "Mixed Value");
    headers.put("lower", "ä-ü-€");
    Message sent = new Message(headers, "{\"hello\":1}".getBytes(StandardCharsets.UTF_8));
    dial(address).send(sent);
    Message got = received.poll(env().waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    check(got != null, "the server to receive the request", "nothing arrived within " + env().waitTimeout().toMillis() + " ms");
    check(got.equals(sent), "the server to receive " + sent + " with headers " + headers,
        "it received headers " + got.headers() + " and body '" + got.bodyAsString() + "'");
  }

  @RuleTest("TRN-004")
  final void trn004ReplyReachesClient() throws Exception {
    Socket client = dial(echoListener().address());
    Message request = Message.of("round trip").withHeader("X-Id", "42");
    client.send(request);
    Message reply = receive(client, "the echoed reply");
    check(reply.equals(request), "the reply " + request, "got " + reply + " '" + reply.bodyAsString() + "'");
  }

  @RuleTest("TRN-005")
  final void trn005ArbitraryBytesAndEmptyBodies() throws Exception {
    Socket client = dial(echoListener().address());
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    List<Message> messages = List.of(Message.of(all), Message.empty(), Message.of(randomBytes(4096)),
        Message.empty().withHeader("Empty-Value", ""));
    for (Message m : messages) {
      client.send(m);
      Message reply = receive(client, "the echo of a " + m.bodyLength() + "-byte body");
      check(reply.equals(m), "an identical echo of " + m + " " + m.headers(),
          "got " + reply + " " + reply.headers() + firstDifference(m.body(), reply.body()));
    }
  }

  @RuleTest("TRN-006")
  final void trn006OrderInEachDirection() throws Exception {
    int n = 200;
    List<String> serverSaw = new CopyOnWriteArrayList<>();
    String address = unique("fifo");
    closeLater(transport().listen(address, socket -> {
      for (int i = 0; i < n; i++) {
        serverSaw.add(socket.receive(env().waitTimeout()).bodyAsString());
      }
      for (int i = 0; i < n; i++) {
        socket.send(Message.of("s" + i));
      }
      socket.receive(env().waitTimeout().multipliedBy(4));
    }));
    Socket client = dial(address);
    for (int i = 0; i < n; i++) {
      client.send(Message.of("c" + i));
    }
    for (int i = 0; i < n; i++) {
      String body = receive(client, "server message s" + i).bodyAsString();
      check(body.equals("s" + i), "server messages in send order, s" + i + " next", "got " + body);
    }
    for (int i = 0; i < n; i++) {
      check(serverSaw.get(i).equals("c" + i), "the server to receive c" + i + " at position " + i,
          "it received " + serverSaw.get(i));
    }
  }

  @RuleTest("TRN-007")
  final void trn007ServerPushFromSeveralThreads() throws Exception {
    int threads = 4;
    int each = 50;
    String address = unique("push");
    closeLater(transport().listen(address, socket -> {
      socket.receive(env().waitTimeout());
      ExecutorService pool = TckThreads.pool("tck-transport", threads);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int id = t;
          done.add(pool.submit(() -> {
            for (int i = 0; i < each; i++) {
              socket.send(Message.of(id + ":" + i));
            }
            return null;
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      socket.receive(env().waitTimeout().multipliedBy(4));
    }));
    Socket client = dial(address);
    client.send(Message.of("start"));
    int[] next = new int[threads];
    for (int k = 0; k < threads * each; k++) {
      String body = receive(client, "pushed message " + (k + 1) + " of " + threads * each).bodyAsString();
      String[] parts = body.split(":", -1);
      int t = Integer.parseInt(parts[0]);
      int i = Integer.parseInt(parts[1]);
      check(i == next[t], "messages of sender thread " + t + " in order, " + t + ":" + next[t] + " next", "got " + body);
      next[t]++;
    }
  }

  @RuleTest("TRN-008")
  final void trn008ConcurrentClientsGetOnlyTheirReplies() throws Exception {
    String address = echoListener().address();
    int clients = 16;
    int each = 10;
    ExecutorService pool = TckThreads.pool("tck-transport", 8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int id = c;
        results.add(pool.submit(() -> {
          Socket s = dial(address);
          for (int i = 0; i < each; i++) {
            s.send(Message.of("client" + id + ":" + i));
            String body = s.receive(env().waitTimeout()).bodyAsString();
            if (!body.equals("client" + id + ":" + i)) {
              return "client" + id + " expected reply client" + id + ":" + i + " but got " + body;
            }
          }
          return "";
        }));
      }
      for (Future<String> f : results) {
        String problem = f.get(env().ruleTimeout().toMillis(), TimeUnit.MILLISECONDS);
        check(problem.isEmpty(), "each client to receive only its own replies, in order", problem);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @RuleTest("TRN-009")
  final void trn009ConcurrentSendersOnOneSocket() throws Exception {
    int threads = 4;
    int each = 50;
    BlockingQueue<String> got = new LinkedBlockingQueue<>();
    String address = unique("multi");
    closeLater(transport().listen(address, socket -> {
      for (int i = 0; i < threads * each; i++) {
        got.add(socket.receive(env().waitTimeout()).bodyAsString());
      }
    }));
    Socket client = dial(address);
    ExecutorService pool = TckThreads.pool("tck-transport", threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            client.send(Message.of(id + ":" + i));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(env().ruleTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    int[] next = new int[threads];
    for (int k = 0; k < threads * each; k++) {
      String body = got.poll(env().waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
      check(body != null, threads * each + " messages at the server", "only " + k + " arrived");
      String[] parts = body.split(":", -1);
      int t = Integer.parseInt(parts[0]);
      check(Integer.parseInt(parts[1]) == next[t], "thread " + t + "'s messages in order, " + t + ":" + next[t] + " next",
          "got " + body);
      next[t]++;
    }
  }

  @RuleTest("TRN-010")
  final void trn010NoCrossTalkBetweenListeners() throws Exception {
    BlockingQueue<String> atA = new LinkedBlockingQueue<>();
    BlockingQueue<String> atB = new LinkedBlockingQueue<>();
    String a = unique("a");
    String b = unique("b");
    closeLater(transport().listen(a, s -> atA.add(s.receive(env().waitTimeout()).bodyAsString())));
    closeLater(transport().listen(b, s -> atB.add(s.receive(env().waitTimeout()).bodyAsString())));
    dial(a).send(Message.of("for-a"));
    String got = atA.poll(env().waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    check("for-a".equals(got), "listener A to receive 'for-a'", "it received " + got);
    env().assertQuiet("listener B to receive nothing sent to A", () -> !atB.isEmpty(), () -> "B received " + atB);
  }

  @RuleTest("TRN-011")
  final void trn011ClientOfAnotherInstanceReachesListener() throws Exception {
    String address = echoListener().address();
    Transport other = newTransport();
    Socket client = closeLater(other.dial(address, env().waitTimeout()));
    client.send(Message.of("from another instance"));
    String body = receive(client, "the echo across instances").bodyAsString();
    check(body.equals("from another instance"), "the echo 'from another instance'", "got '" + body + "'");
  }

  @RuleTest("TRN-012")
  final void trn012OneAcceptCallPerConnection() throws Exception {
    Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    BlockingQueue<String> bodies = new LinkedBlockingQueue<>();
    String address = unique("accept");
    closeLater(transport().listen(address, s -> {
      sockets.add(s);
      bodies.add(s.receive(env().waitTimeout()).bodyAsString());
      s.receive(env().waitTimeout().multipliedBy(4));
    }));
    for (int i = 0; i < 3; i++) {
      dial(address).send(Message.of("conn" + i));
    }
    env().awaitTrue("3 accept calls with 3 distinct sockets and 3 first messages",
        () -> sockets.size() == 3 && bodies.size() == 3, () -> sockets.size() + " sockets, messages " + bodies);
    env().assertQuiet("no further accept calls", () -> sockets.size() > 3, () -> sockets.size() + " accept calls");
  }

  @RuleTest("TRN-013")
  final void trn013AddressesIdentifyTheEnds() throws Exception {
    BlockingQueue<String[]> seen = new LinkedBlockingQueue<>();
    Listener listener = closeLater(transport().listen(unique("ids"), s -> {
      s.receive(env().waitTimeout());
      seen.add(new String[] {s.localAddress(), s.remoteAddress()});
    }));
    Socket client = dial(listener.address());
    client.send(Message.of("who"));
    String[] server = seen.poll(env().waitTimeout().toMillis(), TimeUnit.MILLISECONDS);
    check(server != null, "the server to receive a message", "none arrived");
    check(client.remoteAddress().equals(listener.address()), "client remoteAddress() == listener address '"
        + listener.address() + "'", "it was '" + client.remoteAddress() + "'");
    check(server[1].equals(client.localAddress()), "server remoteAddress() == client localAddress() '"
        + client.localAddress() + "'", "it was '" + server[1] + "'");
  }

  @RuleTest("TRN-014")
  final void trn014PayloadLimitBelowAtAndAbove() throws Exception {
    long max = transport().maxPayloadBytes();
    check(max > 0, "maxPayloadBytes() > 0", "it was " + max);
    Assumptions.assumeTrue(max <= LARGEST_TESTED_PAYLOAD, () -> "maxPayloadBytes() = " + max
        + " is above the largest payload the TCK allocates (" + LARGEST_TESTED_PAYLOAD + ")");
    String address = unique("limit");
    closeLater(transport().listen(address, socket -> {
      while (true) {
        Message m;
        try {
          m = socket.receive(env().waitTimeout());
        } catch (OperationTimeoutException e) {
          continue;
        } catch (ClosedException e) {
          return;
        }
        socket.send(Message.of(m.bodyLength() + ":" + digest(m.body())));
      }
    }));
    Socket client = dial(address);
    for (long size : new long[] {max - 1, max}) {
      byte[] body = randomBytes((int) size);
      client.send(Message.of(body));
      String reply = receive(client, "the digest of the " + size + "-byte message").bodyAsString();
      check(reply.equals(size + ":" + digest(body)), "a " + size + "-byte body to arrive intact", "the server saw " + reply);
    }
    PayloadTooLargeException e = expectThrows(PayloadTooLargeException.class, "send() of " + (max + 1) + " bytes",
        () -> {
          client.send(Message.of(new byte[(int) (max + 1)]));
          return null;
        });
    check(e.limit() == max && e.size() > max, "the exception to report limit " + max + " and a size above it",
        "limit=" + e.limit() + " size=" + e.size());
    client.send(Message.of("after"));
    String reply = receive(client, "the digest of a small message after the rejected one").bodyAsString();
    check(reply.equals("5:" + digest("after".getBytes(StandardCharsets.UTF_8))),
        "the socket to stay usable and nothing of the rejected message to arrive", "the server answered " + reply);
  }

  private static String digest(byte[] body) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 16);
  }

  private static String firstDifference(byte[] expected, byte[] actual) {
    int n = Math.min(expected.length, actual.length);
    for (int i = 0; i < n; i++) {
      if (expected[i] != actual[i]) {
        return " (first differing byte at index " + i + ": expected " + expected[i] + ", got " + actual[i] + ")";
      }
    }
    return expected.length == actual.length ? "" : " (lengths " + expected.length + " vs " + actual.length + ")";
  }
}
