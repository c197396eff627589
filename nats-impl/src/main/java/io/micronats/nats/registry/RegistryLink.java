package io.micronats.nats.registry;

import io.micronats.nats.internal.Connector;
import io.micronats.nats.internal.Flush;
import io.micronats.nats.internal.LazyConnection;
import io.micronats.spi.ClosedException;
import io.micronats.spi.RegistryException;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The NATS side of one {@link NatsRegistry}'s life: its jnats connection (shared per settings
 * through {@link Connector}, opened on first use by a {@link LazyConnection}), the dispatcher that
 * receives queries, answers and events, and the daemon thread ({@code registry-nats-ttl-<n>}) that
 * runs the TTL sweep. All three start together on first use and stop together in {@link #close}.
 *
 * <p>Thread-safe: starting and closing are serialized by the {@link LazyConnection}; {@link #current()}
 * reads a volatile field and never blocks.
 */
final class RegistryLink {
  private static final AtomicLong THREADS = new AtomicLong();

  private final Duration reconnectGrace;
  private final Duration sweepEvery;
  private final Consumer<Dispatcher> subscriber;
  private final Runnable sweep;
  private final LazyConnection link;
  // Written by the set-up under the LazyConnection's lock, read by the tear-down after it.
  private @Nullable Dispatcher dispatcher;
  private @Nullable ScheduledExecutorService timer;

  /**
   * A link that, once started, lets {@code subscriber} subscribe the dispatcher and runs
   * {@code sweep} every {@code sweepEvery} on the timer thread.
   */
  RegistryLink(PluginConfig config, Duration reconnectGrace, Duration sweepEvery,
      Consumer<Dispatcher> subscriber, Runnable sweep) {
    this.reconnectGrace = reconnectGrace;
    this.sweepEvery = sweepEvery;
    this.subscriber = subscriber;
    this.sweep = sweep;
    this.link = new LazyConnection(config, "registry is closed",
        e -> new RegistryException("cannot reach NATS at " + config.addresses() + ": " + e.getMessage(), e),
        this::setUp);
  }

  /** The connection when started and not closed; null otherwise (it may be reconnecting). */
  @Nullable Connection current() {
    return link.current();
  }

  /**
   * The connection once it is connected, waiting up to the reconnect grace while jnats
   * reconnects, so that a lookup right after a server comes back does not fail needlessly.
   *
   * @throws RegistryException naming {@code what} when NATS cannot be reached
   * @throws ClosedException after {@link #close}
   */
  Connection connected(String what) {
    Connection c = start();
    long deadline = System.nanoTime() + reconnectGrace.toNanos();
    while (c.getStatus() != Connection.Status.CONNECTED) {
      if (c.getStatus() == Connection.Status.CLOSED || System.nanoTime() - deadline >= 0) {
        throw new RegistryException("cannot " + what + ": NATS is unreachable (connection " + c.getStatus() + ")");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryException("interrupted while waiting for NATS to " + what, e);
      }
    }
    return c;
  }

  /**
   * The connection, connecting, subscribing and starting the timer on the first call.
   *
   * @throws RegistryException when NATS cannot be reached or does not confirm the subscriptions;
   *     nothing stays started and the next call tries again
   * @throws ClosedException after {@link #close}
   */
  Connection start() {
    return link.open();
  }

  /**
   * Closes once: later uses throw {@link ClosedException}; runs {@code first} (the registry stops
   * its watchers), then closes the dispatcher, stops the timer (waiting up to 5 s) and releases
   * the connection. Idempotent.
   */
  void close(Runnable first) {
    link.close(first, this::tearDown);
  }

  /** Runs once per link, under the LazyConnection's lock, with a fresh connection. */
  private void setUp(Connection c) {
    Dispatcher d = c.createDispatcher();
    d.setPendingLimits(-1, -1);
    subscriber.accept(d);
    Flush.confirm(c, Duration.ofSeconds(5), e -> new RegistryException("NATS did not confirm the registry's subscriptions", e));
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
      Thread thread = new Thread(r, "registry-nats-ttl-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    // The timer's shutdown in close() cancels it; no one waits on the future.
    ScheduledFuture<?> unused = t.scheduleWithFixedDelay(sweep, sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
    dispatcher = d;
    timer = t;
  }

  private void tearDown(Connection c) {
    Dispatcher d = dispatcher;
    if (d != null) {
      try {
        c.closeDispatcher(d);
      } catch (IllegalStateException e) {
        NatsRegistry.LOG.debug("registry dispatcher already closed: {}", e.toString());
      }
    }
    ScheduledExecutorService t = timer;
    if (t != null) {
      t.shutdownNow();
      try {
        t.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
