package io.micronats.tck.transport;

import io.micronats.tck.env.TckThreads;
import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.transport.Socket;
import io.micronats.spi.transport.Transport;
import io.micronats.tck.rules.RuleTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Transport rule TRN-038: a sample large enough to see a defect that strikes about one message
 * in a thousand (loss, duplication, reordering or cross-talk), sized by the rule's catalogue
 * entry ({@code trials}, or {@code thorough} in thorough mode).
 *
 * <p>Abstract: subclass it (or {@link TransportContract}) and supply {@link #target()}. One
 * instance per rule test.
 */
public abstract class TransportSamplingRules extends TransportRuleSupport {

  /** Requests in flight per client: large enough to exercise pipelining, small enough for any queue. */
  static final int WINDOW = 50;

  @RuleTest("TRN-038")
  final void trn038RareLossDuplicationReorderingOrCrossTalkShows() throws Exception {
    int clients = 4;
    int each = (trials() + clients - 1) / clients;
    String address = unique("sample");
    closeLater(transport().listen(address, echoHandler()));
    List<Transport> instances = List.of(transport(), newTransport());
    List<Socket> sockets = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      sockets.add(closeLater(instances.get(c % 2).dial(address, env().waitTimeout())));
    }
    ExecutorService pool = TckThreads.pool("tck-transport", clients);
    List<String> problems = new ArrayList<>();
    try {
      List<Future<String>> runs = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int id = c;
        runs.add(pool.submit(() -> exchange(sockets.get(id), "c" + id, each)));
      }
      for (Future<String> f : runs) {
        String problem = f.get(env().ruleTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (problem != null) {
          problems.add(problem);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    check(problems.isEmpty(), clients + " clients x " + each + " pipelined exchanges (" + clients * each
        + " trials) to get exactly their own replies, once each and in order", problems);
  }

  /** Runs {@code n} exchanges in windows; null when every reply was right, else the first anomaly. */
  private @Nullable String exchange(Socket socket, String client, int n) throws InterruptedException {
    for (int start = 0; start < n; start += WINDOW) {
      int end = Math.min(n, start + WINDOW);
      for (int i = start; i < end; i++) {
        socket.send(Message.of(client + ":" + i));
      }
      for (int i = start; i < end; i++) {
        String expected = client + ":" + i;
        String got;
        try {
          got = socket.receive(env().waitTimeout()).bodyAsString();
        } catch (OperationTimeoutException | ClosedException e) {
          return client + " lost the reply to " + expected + " (" + e.getClass().getSimpleName() + ")";
        }
        if (!got.equals(expected)) {
          String kind = !got.startsWith(client + ":") ? "cross-talk" : seq(got) < i ? "duplicate or reordered"
              : "lost or reordered";
          return client + " expected " + expected + " but got " + got + " (" + kind + ")";
        }
      }
    }
    return null;
  }

  private static int seq(String body) {
    try {
      return Integer.parseInt(body.substring(body.indexOf(':') + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
