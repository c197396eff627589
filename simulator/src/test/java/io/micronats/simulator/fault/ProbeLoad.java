package io.micronats.simulator.fault;

import io.micronats.nats.connection.NatsConnections;
import io.micronats.nats.connection.NatsSettings;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A small open-loop load for fault tests: RPC requests from a requester to a responder and
 * numbered broker messages from a publisher to a subscriber, each on its own connection made
 * through {@link NatsConnections} so the timeline sees their events; one interval per 250 ms.
 */
final class ProbeLoad implements AutoCloseable {
  static final String RPC_SUBJECT = "probe.rpc";
  static final String EVENTS_SUBJECT = "probe.events";
  private static final long INTERVAL_NANOS = 250_000_000L;

  final FaultTimeline timeline;
  final DeliveryLedger ledger = new DeliveryLedger(1_000_000);
  final AtomicLong calls = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong published = new AtomicLong();
  private final List<Connection> connections = new ArrayList<>();
  private final Connection requester;
  private final Connection responder;
  private final Connection publisher;
  private final Connection subscriber;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "probe-load");
    t.setDaemon(true);
    return t;
  });
  private final Recorder latency = new Recorder(3);
  private final AtomicLong okInInterval = new AtomicLong();
  private final AtomicLong errorsInInterval = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong seq = new AtomicLong();
  private final Duration timeout;
  private final boolean listen;
  private volatile long intervalStart;
  private volatile boolean running;

  /**
   * Connects requester and publisher to {@code clientUrl}, responder and subscriber to
   * {@code serviceUrl} (they move to discovered servers on reconnect).
   */
  ProbeLoad(FaultTimeline timeline, String clientUrl, String serviceUrl, Duration pingInterval,
      Duration timeout) throws Exception {
    this(timeline, clientUrl, serviceUrl, pingInterval, timeout, true);
  }

  /** As above; without {@code listen}, connection events reach the timeline some other way. */
  ProbeLoad(FaultTimeline timeline, String clientUrl, String serviceUrl, Duration pingInterval,
      Duration timeout, boolean listen) throws Exception {
    this.timeline = timeline;
    this.listen = listen;
    this.timeout = timeout;
    requester = connect(clientUrl, "probe-requester", pingInterval);
    publisher = connect(clientUrl, "probe-publisher", pingInterval);
    responder = connect(serviceUrl, "probe-responder", pingInterval);
    subscriber = connect(serviceUrl, "probe-subscriber", pingInterval);
    Dispatcher replies = responder.createDispatcher(m -> responder.publish(m.getReplyTo(), m.getData()));
    replies.subscribe(RPC_SUBJECT);
    ledger.expect("subscriber", "publisher");
    Dispatcher events = subscriber.createDispatcher(m -> {
      long s = ByteBuffer.wrap(m.getData()).getLong();
      long now = System.nanoTime();
      ledger.received("subscriber", "publisher", s, now);
      received.incrementAndGet();
      timeline.success(now);
    });
    events.subscribe(EVENTS_SUBJECT);
    responder.flush(Duration.ofSeconds(5));
    subscriber.flush(Duration.ofSeconds(5));
  }

  private Connection connect(String url, String name, Duration ping) {
    NatsSettings s = NatsSettings.from(PluginConfig.of("addresses", url, "shared", "false", "name", name,
        "ping.interval", ping.toMillis() + "ms", "reconnect.wait", "100ms", "timeout", "2s"));
    Connection c = NatsConnections.acquire(s);
    if (listen) {
      NatsConnections.addListener(c, timeline);
    }
    connections.add(c);
    return c;
  }

  /** Starts requests and publishes at the given rates. */
  void start(int requestsPerSecond, int messagesPerSecond) {
    running = true;
    intervalStart = System.nanoTime();
    long rpcPeriod = 1_000_000_000L / requestsPerSecond;
    long start = System.nanoTime();
    AtomicLong n = new AtomicLong();
    ScheduledFuture<?> unused = scheduler.scheduleAtFixedRate(() -> {
      // open model: intended times from the schedule, never from when the thread woke up
      long now = System.nanoTime();
      while (running) {
        long intended = start + n.get() * rpcPeriod;
        if (intended > now) {
          break;
        }
        n.incrementAndGet();
        request(intended);
      }
    }, 0, 2, TimeUnit.MILLISECONDS);
    long pubPeriod = 1_000_000_000L / messagesPerSecond;
    AtomicLong m = new AtomicLong();
    unused = scheduler.scheduleAtFixedRate(() -> {
      long now = System.nanoTime();
      while (running) {
        long intended = start + m.get() * pubPeriod;
        if (intended > now) {
          break;
        }
        m.incrementAndGet();
        publish();
      }
      if (now - intervalStart >= INTERVAL_NANOS) {
        sample(now);
      }
    }, 0, 2, TimeUnit.MILLISECONDS);
  }

  private void request(long intended) {
    calls.incrementAndGet();
    CompletableFuture<io.nats.client.Message> f;
    try {
      // jnats notices its own timeouts only at its cleanup interval: time out here, on time
      f = requester.requestWithTimeout(RPC_SUBJECT, new byte[16], timeout)
          .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      done(intended, CallResult.ERROR);
      return;
    }
    CompletableFuture<?> unused = f.whenComplete((msg, error) -> {
      if (error == null) {
        done(intended, CallResult.OK);
      } else {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause() : error;
        done(intended, classify(cause));
      }
    });
  }

  /** jnats cancels both timed-out and unanswerable requests; its message tells them apart. */
  static CallResult classify(Throwable cause) {
    if (cause instanceof TimeoutException) {
      return CallResult.TIMEOUT;
    }
    if (cause instanceof CancellationException) {
      String m = String.valueOf(cause.getMessage());
      return m.contains("not registered in time") ? CallResult.TIMEOUT
          : m.contains("closing") ? CallResult.ERROR : CallResult.NO_RESPONDERS;
    }
    return CallResult.ERROR;
  }

  private void done(long intended, CallResult result) {
    long now = System.nanoTime();
    timeline.call(intended, now, result);
    if (result == CallResult.OK) {
      latency.recordValue(Math.max(1, now - intended));
      okInInterval.incrementAndGet();
    } else {
      failed.incrementAndGet();
      errorsInInterval.incrementAndGet();
    }
  }

  private void publish() {
    long s = seq.getAndIncrement();
    byte[] data = ByteBuffer.allocate(16).putLong(s).array();
    ledger.sent("publisher", s, System.nanoTime());
    try {
      publisher.publish(EVENTS_SUBJECT, data);
      published.incrementAndGet();
    } catch (RuntimeException e) {
      ledger.rejected("publisher", s, System.nanoTime());
    }
  }

  private Histogram recycle;

  private synchronized void sample(long now) {
    long start = intervalStart;
    if (now - start < INTERVAL_NANOS) {
      return;
    }
    intervalStart = now;
    recycle = latency.getIntervalHistogram(recycle);
    double p99 = recycle.getTotalCount() == 0 ? 0 : recycle.getValueAtPercentile(99) / 1000.0;
    timeline.interval("rpc", start, now, okInInterval.getAndSet(0), errorsInInterval.getAndSet(0), p99);
  }

  /** Stops sending and waits until in-flight calls have ended and messages have drained. */
  void stop() throws InterruptedException {
    running = false;
    scheduler.shutdown();
    scheduler.awaitTermination(5, TimeUnit.SECONDS);
    Thread.sleep(timeout.toMillis() + 500);
    for (Connection c : connections) {
      try {
        c.flush(Duration.ofSeconds(2));
      } catch (Exception e) {
        // a connection that cannot flush has nothing more to deliver
      }
    }
  }

  long received() {
    return received.get();
  }

  @Override
  public void close() {
    running = false;
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Connection c : connections) {
      NatsConnections.removeListener(c, timeline);
      NatsConnections.release(c);
    }
  }
}
