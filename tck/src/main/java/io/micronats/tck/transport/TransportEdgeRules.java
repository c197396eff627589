package io.micronats.tck.transport;

import io.micronats.tck.env.TckThreads;
import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.micronats.spi.transport.Transport;
import io.micronats.tck.rules.RuleTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Transport rules TRN-035 to TRN-037: what only shows with several threads at once (close while
 * others send, checked against a recorded history), with several instances on one backend
 * (unique generated addresses) and after one instance's {@code close()}.
 *
 * <p>Abstract: subclass it (or {@link TransportContract}) and supply {@link #target()}. One
 * instance per rule test.
 */
public abstract class TransportEdgeRules extends TransportRuleSupport {

  /** Upper bound of the sends of one thread in TRN-035, so the loop ends even if close() never bites. */
  static final int MAX_SENDS_PER_THREAD = 20_000;

  @RuleTest("TRN-035")
  final void trn035CloseWhileOthersSend() throws Exception {
    int threads = 8;
    String address = unique("closing");
    Map<Integer, List<Integer>> serverSaw = new ConcurrentHashMap<>();
    List<String> serverProblems = new CopyOnWriteArrayList<>();
    AtomicBoolean serverSawClose = new AtomicBoolean();
    closeLater(transport().listen(address, socket -> {
      int received = 0;
      while (true) {
        Message m;
        try {
          m = socket.receive(env().waitTimeout());
        } catch (ClosedException e) {
          serverSawClose.set(true);
          return;
        } catch (OperationTimeoutException e) {
          if (received > 0) { // only the connection that carried the messages must see the close
            serverProblems.add("the server's receive() timed out instead of ending with ClosedException");
          }
          return;
        }
        received++;
        String[] parts = m.bodyAsString().split(":", -1);
        serverSaw.computeIfAbsent(Integer.parseInt(parts[0]), k -> new CopyOnWriteArrayList<>())
            .add(Integer.parseInt(parts[1]));
      }
    }));
    Socket client = dial(address);
    AtomicInteger[] returned = new AtomicInteger[threads];
    AtomicReference<Throwable> wrongFailure = new AtomicReference<>();
    ExecutorService pool = TckThreads.pool("tck-transport", threads);
    int[] beforeClose = new int[threads];
    try {
      List<Future<?>> senders = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        returned[t] = new AtomicInteger();
        senders.add(pool.submit(() -> {
          for (int i = 0; i < MAX_SENDS_PER_THREAD; i++) {
            try {
              client.send(Message.of(id + ":" + i));
            } catch (ClosedException e) {
              return null;
            } catch (RuntimeException e) {
              wrongFailure.compareAndSet(null, e);
              return null;
            }
            returned[id].incrementAndGet();
          }
          return null;
        }));
      }
      env().awaitTrue("every sender to have sent 50 messages before close()",
          () -> java.util.Arrays.stream(returned).allMatch(r -> r.get() >= 50),
          () -> "sent " + java.util.Arrays.toString(returned));
      for (int t = 0; t < threads; t++) {
        beforeClose[t] = returned[t].get();
      }
      env().boundedRun("close() while " + threads + " threads send", client::close);
      for (Future<?> f : senders) {
        f.get(env().ruleTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    check(wrongFailure.get() == null, "sends racing close() to succeed or fail with ClosedException",
        "one failed with " + wrongFailure.get());
    expectThrows(ClosedException.class, "send() after close() returned", () -> {
      client.send(Message.of("late"));
      return null;
    });
    env().awaitTrue("the server to drain the messages sent before close() and then end with ClosedException",
        () -> !serverProblems.isEmpty() || (serverSawClose.get() && drained(serverSaw, beforeClose)),
        () -> "it received " + serverSaw.values().stream().map(List::size).toList() + ", close seen: " + serverSawClose.get());
    check(serverProblems.isEmpty(), "the server to see the close", serverProblems);
    for (int t = 0; t < threads; t++) {
      List<Integer> got = serverSaw.getOrDefault(t, List.of());
      int expectedAtLeast = beforeClose[t];
      String problem = prefixProblem(got);
      check(problem == null, "thread " + t + "'s messages at the server in order, without gaps or duplicates",
          String.valueOf(problem));
      check(got.size() >= expectedAtLeast, "the server to receive all " + expectedAtLeast + " messages thread " + t
          + " had sent before close() began", "it received " + got.size());
    }
  }

  /** True when the server holds at least {@code beforeClose[t]} messages of every thread t. */
  private static boolean drained(Map<Integer, List<Integer>> serverSaw, int[] beforeClose) {
    for (int t = 0; t < beforeClose.length; t++) {
      if (serverSaw.getOrDefault(t, List.of()).size() < beforeClose[t]) {
        return false;
      }
    }
    return true;
  }

  /** Null when {@code seqs} is 0, 1, 2, ...; else what is wrong with it. */
  private static @Nullable String prefixProblem(List<Integer> seqs) {
    for (int i = 0; i < seqs.size(); i++) {
      if (seqs.get(i) != i) {
        return "at position " + i + " came #" + seqs.get(i) + " (" + seqs.subList(Math.max(0, i - 3),
            Math.min(seqs.size(), i + 4)) + ")";
      }
    }
    return null;
  }

  @RuleTest("TRN-036")
  final void trn036GeneratedAddressesAreUniqueAcrossInstances() throws Exception {
    List<Transport> instances = List.of(transport(), newTransport());
    int each = 25;
    Map<String, String> owner = new HashMap<>();
    List<String> order = new ArrayList<>();
    Set<String> duplicates = new HashSet<>();
    for (int i = 0; i < each; i++) {
      for (int k = 0; k < instances.size(); k++) {
        String tag = "instance" + k + "-listener" + i;
        Listener listener = closeLater(instances.get(k).listen(socket -> {
          socket.receive(env().waitTimeout());
          socket.send(Message.of(tag));
          socket.receive(env().waitTimeout());
        }));
        if (owner.putIfAbsent(listener.address(), tag) != null) {
          duplicates.add(listener.address());
        }
        order.add(listener.address());
      }
    }
    check(duplicates.isEmpty(), "listen(handler) on two instances to generate " + order.size() + " distinct addresses",
        "these were handed out twice: " + duplicates);
    for (int n = 0; n < order.size(); n++) {
      String address = order.get(n);
      Transport other = instances.get((n + 1) % instances.size());
      Socket socket = closeLater(other.dial(address, env().waitTimeout()));
      socket.send(Message.of("who"));
      String who = receive(socket, "the answer of the listener at " + address).bodyAsString();
      check(who.equals(owner.get(address)), "the listener that reported " + address + " (" + owner.get(address)
          + ") to answer a client of the other instance", "it was answered by " + who);
      socket.close();
    }
  }

  @RuleTest("TRN-037")
  final void trn037ClosingOneInstanceLeavesAnotherWorking() throws Exception {
    Transport closing = newTransport();
    Transport staying = newTransport();
    closeLater(closing.listen(unique("closing-own"), echoHandler()));
    String address = unique("staying");
    Listener kept = closeLater(staying.listen(address, echoHandler()));
    Socket fromClosing = closing.dial(address, env().waitTimeout());
    fromClosing.send(Message.of("from the closing instance"));
    check(receive(fromClosing, "the echo to the closing instance's client").bodyAsString().equals("from the closing instance"),
        "the echo 'from the closing instance'", "another reply");
    Socket before = closeLater(staying.dial(address, env().waitTimeout()));
    before.send(Message.of("before"));
    check(receive(before, "the echo before the other instance closes").bodyAsString().equals("before"),
        "the echo 'before'", "another reply");
    env().boundedRun("close() of the other transport instance", closing::close);
    check(!fromClosing.isOpen(), "the closed instance's own socket to be closed", "it was open");
    check(kept.isOpen(), "the other instance's listener to stay open", "isOpen() was false");
    check(before.isOpen(), "the other instance's connection to stay open", "isOpen() was false");
    before.send(Message.of("after"));
    check(receive(before, "the echo on the other instance's connection after the close").bodyAsString().equals("after"),
        "the echo 'after'", "another reply");
    Socket fresh = closeLater(staying.dial(address, env().waitTimeout()));
    fresh.send(Message.of("fresh"));
    check(receive(fresh, "the echo on a new connection after the close").bodyAsString().equals("fresh"),
        "the echo 'fresh'", "another reply");
  }
}
