package io.micronats.nats.cluster.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The delay a {@link LinkProxy} adds to a chunk starts when the chunk arrives, not when the one
 * before it was released: a steady stream of small writes is not queued behind itself.
 */
class LinkProxyLatencyTest {
  private static final int WRITES = 20;
  private static final long GAP_MILLIS = 10;

  /**
   * Sends one warm-up write and then {@link #WRITES} timestamps through the proxy, 10 ms apart, on
   * one connection; returns each timestamp's delay in ms, measured where it arrives.
   */
  private static List<Long> delaysThrough(Duration latency, Duration jitter) throws Exception {
    try (ServerSocket target = new ServerSocket()) {
      target.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      CountDownLatch warm = new CountDownLatch(1);
      CompletableFuture<List<Long>> received = new CompletableFuture<>();
      Thread receiver = new Thread(() -> receive(target, warm, received), "latency-test-receiver");
      receiver.setDaemon(true);
      receiver.start();
      try (LinkProxy proxy = LinkProxy.to("latency-test", target.getLocalPort()).start();
          Socket s = new Socket()) {
        proxy.delay(latency, jitter);
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port()), 2000);
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        // the first bytes of a connection also wait for the proxy's threads and the JIT
        out.writeLong(System.nanoTime());
        out.flush();
        assertThat(warm.await(10, TimeUnit.SECONDS)).as("warm-up write arrived").isTrue();
        long next = System.nanoTime();
        for (int i = 0; i < WRITES; i++) {
          long left = next - System.nanoTime();
          if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
          }
          out.writeLong(System.nanoTime());
          out.flush();
          next += TimeUnit.MILLISECONDS.toNanos(GAP_MILLIS);
        }
        return received.get(20, TimeUnit.SECONDS);
      } finally {
        receiver.join(5000);
      }
    }
  }

  private static void receive(ServerSocket target, CountDownLatch warm, CompletableFuture<List<Long>> result) {
    try {
      target.setSoTimeout(10_000);
      try (Socket in = target.accept()) {
        in.setSoTimeout(10_000);
        DataInputStream data = new DataInputStream(in.getInputStream());
        data.readLong();
        warm.countDown();
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
          long sent = data.readLong();
          delays.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
        }
        result.complete(delays);
      }
    } catch (IOException | RuntimeException e) {
      result.completeExceptionally(e instanceof IOException io ? new UncheckedIOException(io) : e);
    }
  }

  @Test
  void eachWriteIsDelayedFromItsOwnArrivalNotQueuedBehindTheOneBefore() throws Exception {
    List<Long> delays = delaysThrough(Duration.ofMillis(100), Duration.ZERO);

    assertThat(delays).hasSize(WRITES);
    // without accumulation every write takes about 100 ms; queued delays would grow by 100 ms each
    assertThat(delays).as("delays in ms").allMatch(d -> d >= 95 && d < 400);
  }

  @Test
  void jitterKeepsOrderWithoutAccumulating() throws Exception {
    List<Long> delays = delaysThrough(Duration.ofMillis(100), Duration.ofMillis(20));

    assertThat(delays).hasSize(WRITES);
    // a chunk waits for its own due time or for the chunk before it, never for a sum of delays
    assertThat(delays).as("delays in ms").allMatch(d -> d >= 75 && d < 450);
  }
}
