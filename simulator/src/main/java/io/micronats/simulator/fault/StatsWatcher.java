package io.micronats.simulator.fault;

import io.micronats.nats.connection.ConnectionEvent;
import io.micronats.nats.connection.ConnectionStats;
import io.micronats.nats.connection.NatsConnections;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Feeds a {@link FaultTimeline} from the process-wide {@link ConnectionStats} of
 * {@link NatsConnections}, for runs whose connections are made inside plugins where no listener
 * can be attached: every 10 ms it turns counter increases into disconnection, reconnection and
 * resubscription events. Reconnections are matched to disconnections first in, first out, so
 * "every disconnected client has reconnected" holds when the counters catch up. Timestamps are
 * accurate to the polling period.
 *
 * <p>Thread-safe. The constructor does no I/O; {@link #start()} starts one daemon thread,
 * {@code fault-stats-watcher}; {@link #close()} stops it (bounded, idempotent).
 */
public final class StatsWatcher implements AutoCloseable {
  private static final long PERIOD_MILLIS = 10;

  private final FaultTimeline timeline;
  private final Supplier<ConnectionStats.Snapshot> source;
  private final Deque<Object> awaitingReconnect = new ArrayDeque<>();
  private final Deque<Object> awaitingResubscribe = new ArrayDeque<>();
  private ConnectionStats.Snapshot last;
  private @Nullable Thread thread;
  private volatile boolean running;

  /** A watcher of every connection made through {@link NatsConnections}. */
  public StatsWatcher(FaultTimeline timeline) {
    this(timeline, () -> NatsConnections.totalStats().snapshot());
  }

  /** A watcher of the counters {@code source} gives. */
  public StatsWatcher(FaultTimeline timeline, Supplier<ConnectionStats.Snapshot> source) {
    this.timeline = timeline;
    this.source = source;
    this.last = source.get(); // a baseline for poll(); start() takes it again
  }

  /** Takes the first snapshot and starts polling; no effect when started. */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    last = source.get();
    running = true;
    thread = new Thread(this::loop, "fault-stats-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      poll(System.nanoTime());
      try {
        Thread.sleep(PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Compares the counters with the last poll and reports what changed; also for tests. */
  synchronized void poll(long nanos) {
    ConnectionStats.Snapshot now = source.get();
    for (long i = last.disconnects(); i < now.disconnects(); i++) {
      Object token = new Object();
      awaitingReconnect.addLast(token);
      awaitingResubscribe.addLast(token);
      timeline.connectionEvent(token, ConnectionEvent.Type.DISCONNECTED, nanos);
    }
    for (long i = last.reconnects(); i < now.reconnects(); i++) {
      Object token = awaitingReconnect.isEmpty() ? new Object() : awaitingReconnect.removeFirst();
      timeline.connectionEvent(token, ConnectionEvent.Type.RECONNECTED, nanos);
    }
    for (long i = last.resubscribes(); i < now.resubscribes(); i++) {
      Object token = awaitingResubscribe.isEmpty() ? new Object() : awaitingResubscribe.removeFirst();
      timeline.connectionEvent(token, ConnectionEvent.Type.RESUBSCRIBED, nanos);
    }
    last = now;
  }

  /** Stops polling after a last poll; idempotent, waits at most 1 s. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      t = thread;
      running = false;
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      poll(System.nanoTime());
    }
  }
}
