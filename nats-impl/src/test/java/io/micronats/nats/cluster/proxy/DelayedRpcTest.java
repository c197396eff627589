package io.micronats.nats.cluster.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.nats.cluster.NatsCluster;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What latency on client links costs a request-reply: the request and the reply each cross the
 * requester's link and the responder's link, so one call pays four one-way delays, and under a
 * steady load no more than that (no queueing inside the proxies).
 */
// -Xlint:try: jnats' Connection.close() declares InterruptedException; a test method throws it.
@SuppressWarnings("try")
class DelayedRpcTest {
  private static final int CALLS = 300;
  private static final long GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(5); // 200 calls/s

  private static Connection connect(LinkProxy proxy) throws Exception {
    return Nats.connect(new Options.Builder().server("nats://" + proxy.address())
        .connectionTimeout(Duration.ofSeconds(5)).ignoreDiscoveredServers().build());
  }

  @Test
  void requestReplyOverTwoDelayedClientLinksPaysFourOneWayDelaysAndNoQueueing() throws Exception {
    try (NatsCluster cluster = NatsCluster.builder().nodes(1).clusterName("delayed-rpc").build()) {
      cluster.start();
      int port = cluster.node(0).clientPort();
      try (LinkProxy toRequester = LinkProxy.to("rpc-requester", port).start();
          LinkProxy toResponder = LinkProxy.to("rpc-responder", port).start();
          Connection responder = connect(toResponder);
          Connection requester = connect(toRequester)) {
        Dispatcher d = responder.createDispatcher(m -> responder.publish(m.getReplyTo(), m.getData()));
        d.subscribe("rpc.echo");
        responder.flush(Duration.ofSeconds(5));
        requester.request("rpc.echo", new byte[1], Duration.ofSeconds(5)); // warm-up, creates the inbox
        toRequester.delay(Duration.ofMillis(100), Duration.ofMillis(20));
        toResponder.delay(Duration.ofMillis(100), Duration.ofMillis(20));

        List<CompletableFuture<Long>> calls = new ArrayList<>();
        long next = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
          long left = next - System.nanoTime();
          if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
          }
          long sent = System.nanoTime();
          CompletableFuture<Message> reply = requester.request("rpc.echo",
              Integer.toString(i).getBytes(StandardCharsets.UTF_8));
          calls.add(reply.thenApply(m -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent)));
          next += GAP_NANOS;
        }
        List<Long> millis = new ArrayList<>();
        for (CompletableFuture<Long> c : calls) {
          millis.add(c.get(20, TimeUnit.SECONDS));
        }
        Collections.sort(millis);
        long p50 = millis.get(CALLS / 2);
        long p99 = millis.get(CALLS * 99 / 100);
        System.out.printf("delayed rpc: min %d p50 %d p99 %d max %d ms%n", millis.get(0), p50, p99,
            millis.get(CALLS - 1));

        // four one-way delays of 100 +- 20 ms: at least 4 x 80 ms, typically about 4 x 110 ms
        assertThat(millis.get(0)).isGreaterThanOrEqualTo(320);
        assertThat(p50).isBetween(380L, 1000L); // generous: a loaded machine adds scheduling delay
        // queueing would grow the delay call after call, to seconds over 300 calls
        assertThat(p99).isLessThan(1500);
      }
    }
  }
}
