package io.micronats.nats.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.nats.registry.NatsRegistry;
import io.micronats.spi.Message;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.rpc.RpcClient;
import io.micronats.spi.rpc.RpcServer;
import io.micronats.spi.transport.AcceptHandler;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.micronats.spi.transport.Transport;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Nats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A same-run comparison of the RPC layer over {@link NatsTransport} (served through
 * {@link NatsTransport#serve}, and through the SPI's default thread-per-connection serve) with raw jnats
 * request/reply: 64 requests in flight (closed loop, 64 caller threads), 128-byte bodies, the
 * service on node 0 and the client on node 1 of a local 3-node cluster. Phases alternate (raw,
 * RPC, RPC as before, raw, RPC...) so that all see the same machine noise; each phase prints its throughput and
 * its closed-loop p50/p99, and the end prints the ratios per pair with their spread.
 *
 * <p>Not part of the test suite (the name does not end in {@code Test}); run it with
 * {@code mvn -pl nats-impl test -Dtest=RpcVersusRawBench -Dbench.reps=5 -Dbench.seconds=4}.
 * The assertion only checks that both sides did work.
 */
// -Xlint:try: the servers are opened for their lifetime only and never referenced in the body.
@SuppressWarnings("try")
class RpcVersusRawBench {

  private static final int IN_FLIGHT = Integer.getInteger("bench.inflight", 64);
  private static final int REPS = Integer.getInteger("bench.reps", 5);
  private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.seconds", 4));
  private static final Duration WARM = Duration.ofSeconds(Integer.getInteger("bench.warmup", 5));
  private static final byte[] BODY = new byte[128];

  /** One phase's figures: calls per second and closed-loop latency percentiles in microseconds. */
  record Figures(double rate, double p50, double p99) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%8.0f req/s  p50 %6.0f us  p99 %6.0f us", rate, p50, p99);
    }
  }

  interface Exchange {
    void run(int worker) throws Exception;
  }

  @Test
  void rpcAgainstRawRequestReply() throws Exception {
    try (NatsCluster cluster = NatsCluster.builder().nodes(3).build()) {
      cluster.start();
      String serviceUrl = cluster.node(0).clientUrl();
      String clientUrl = cluster.node(1).clientUrl();
      Connection rawServer = Nats.connect(serviceUrl);
      Connection rawClient = Nats.connect(clientUrl);
      PluginConfig serverConfig = PluginConfig.of("addresses", serviceUrl, "shared", "false", "name", "svc",
          NatsTransport.SERVE_THREADS, System.getProperty("bench.serveThreads", "1"));
      PluginConfig clientConfig = PluginConfig.of("addresses", clientUrl, "shared", "false", "name", "cli");
      try (NatsTransport serverTransport = NatsTransport.builder().config(serverConfig).build();
           NatsTransport clientTransport = NatsTransport.builder().config(clientConfig).build();
           NatsRegistry registry = NatsRegistry.builder().config(serverConfig.with("name", "reg")).build();
           RpcServer server = RpcServer.builder().name("bench.echo").version("1").transport(serverTransport)
               .registry(registry).endpoint("Echo.Call", request -> request).build().start();
           RpcServer oldServer = RpcServer.builder().name("bench.old").version("1")
               .transport(new ListenOnly(serverTransport)).registry(registry).endpoint("Echo.Call", request -> request)
               .build().start();
           RpcClient client = RpcClient.builder().transport(clientTransport).registry(registry)
               .maxIdlePerNode(IN_FLIGHT).build()) {
        Dispatcher d = rawServer.createDispatcher(m -> rawServer.publish(m.getReplyTo(), m.getData()));
        d.subscribe("raw.echo");
        rawServer.flush(Duration.ofSeconds(5));
        cluster.awaitInterest("raw.echo", Duration.ofSeconds(10));
        Exchange raw = i -> {
          if (rawClient.request("raw.echo", BODY, Duration.ofSeconds(10)) == null) {
            throw new IllegalStateException("raw request timed out");
          }
        };
        Exchange rpc = i -> client.call("bench.echo", "Echo.Call", Message.of(BODY), Duration.ofSeconds(10));
        Exchange old = i -> client.call("bench.old", "Echo.Call", Message.of(BODY), Duration.ofSeconds(10));
        run(raw, WARM);
        run(rpc, WARM);
        run(old, WARM);
        List<Figures> raws = new ArrayList<>();
        List<Figures> rpcs = new ArrayList<>();
        List<Figures> olds = new ArrayList<>();
        for (int rep = 0; rep < REPS; rep++) {
          Figures r = run(raw, RUN);
          Figures o = run(rpc, RUN);
          Figures t = run(old, RUN);
          raws.add(r);
          rpcs.add(o);
          olds.add(t);
          System.out.printf(Locale.ROOT, "rep %d  raw %s | rpc %s | thread-per-connection %s"
              + " | ratios thr %.2f / %.2f p99 %.2f / %.2f%n", rep, r, o, t,
              o.rate() / r.rate(), t.rate() / r.rate(), o.p99() / r.p99(), t.p99() / r.p99());
        }
        summarize("RPC (serve)", raws, rpcs);
        summarize("RPC (listen, thread per connection)", raws, olds);
        assertThat(raws).allMatch(f -> f.rate() > 0);
        assertThat(rpcs).allMatch(f -> f.rate() > 0);
      } finally {
        rawClient.close();
        rawServer.close();
      }
    }
  }

  private static void summarize(String what, List<Figures> raws, List<Figures> rpcs) {
    double[] thr = new double[raws.size()];
    double[] p99 = new double[raws.size()];
    for (int i = 0; i < thr.length; i++) {
      thr[i] = rpcs.get(i).rate() / raws.get(i).rate();
      p99[i] = rpcs.get(i).p99() / raws.get(i).p99();
    }
    double rawMean = raws.stream().mapToDouble(Figures::rate).average().orElse(0);
    double rpcMean = rpcs.stream().mapToDouble(Figures::rate).average().orElse(0);
    System.out.printf(Locale.ROOT, "SUMMARY %s: %d in flight, %d B, %d reps x %d s: raw mean %.0f req/s, rpc mean %.0f"
        + " req/s; throughput ratio median %.2f (min %.2f, max %.2f), mean-of-means %.2f;"
        + " p99 ratio median %.2f (min %.2f, max %.2f)%n",
        what, IN_FLIGHT, BODY.length, raws.size(), RUN.toSeconds(), rawMean, rpcMean,
        median(thr), min(thr), max(thr), rpcMean / rawMean, median(p99), min(p99), max(p99));
  }

  /**
   * A transport that forwards everything except {@code serve}, so that it falls back to the SPI's
   * default (listen plus a receive/send loop on a thread per connection): the design before
   * {@link NatsTransport#serve}, measured in the same run.
   */
  private record ListenOnly(Transport delegate) implements Transport {
    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public Listener listen(String address, AcceptHandler handler) {
      return delegate.listen(address, handler);
    }

    @Override
    public Listener listen(AcceptHandler handler) {
      return delegate.listen(handler);
    }

    @Override
    public Socket dial(String address, Duration timeout) {
      return delegate.dial(address, timeout);
    }

    @Override
    public long maxPayloadBytes() {
      return delegate.maxPayloadBytes();
    }

    @Override
    public void close() {
      // The delegate belongs to the test.
    }
  }

  private static Figures run(Exchange exchange, Duration duration) throws InterruptedException {
    CountDownLatch finished = new CountDownLatch(IN_FLIGHT);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    long[][] latencies = new long[IN_FLIGHT][];
    int[] counts = new int[IN_FLIGHT];
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    for (int i = 0; i < IN_FLIGHT; i++) {
      int worker = i;
      Thread t = new Thread(() -> {
        long[] mine = new long[1 << 16];
        int n = 0;
        try {
          while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            exchange.run(worker);
            long took = System.nanoTime() - t0;
            if (n == mine.length) {
              mine = Arrays.copyOf(mine, n * 2);
            }
            mine[n++] = took;
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        } finally {
          latencies[worker] = mine;
          counts[worker] = n;
          finished.countDown();
        }
      }, "bench-caller-" + i);
      t.start();
    }
    if (!finished.await(duration.toSeconds() + 60, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new IllegalStateException("callers did not finish");
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (failure.get() != null) {
      throw new IllegalStateException("a call failed", failure.get());
    }
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    long[] all = new long[total];
    int at = 0;
    for (int i = 0; i < IN_FLIGHT; i++) {
      System.arraycopy(latencies[i], 0, all, at, counts[i]);
      at += counts[i];
    }
    Arrays.sort(all);
    return new Figures(total / seconds, percentile(all, 0.50) / 1e3, percentile(all, 0.99) / 1e3);
  }

  private static double percentile(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(0);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(0);
  }
}
