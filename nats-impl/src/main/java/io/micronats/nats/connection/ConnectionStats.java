package io.micronats.nats.connection;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of connection events: disconnects, reconnects, resubscribes, lame-duck notices, slow
 * consumers, discarded messages and errors.
 *
 * <p>Thread-safe: every counter is atomic; {@link #snapshot()} reads them one after another, so a
 * snapshot taken while events arrive may mix instants. {@link NatsConnections} keeps one per
 * connection and one for the whole process.
 */
public final class ConnectionStats {
  private final AtomicLong connects = new AtomicLong();
  private final AtomicLong disconnects = new AtomicLong();
  private final AtomicLong reconnects = new AtomicLong();
  private final AtomicLong resubscribes = new AtomicLong();
  private final AtomicLong lameDuck = new AtomicLong();
  private final AtomicLong slowConsumers = new AtomicLong();
  private final AtomicLong discarded = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong closes = new AtomicLong();

  /** New counters, all zero. */
  public ConnectionStats() {}

  /**
   * Counter values at one moment.
   *
   * @param connects successful initial connections
   * @param disconnects connections lost
   * @param reconnects connections re-established after a loss
   * @param resubscribes times subscriptions were re-sent after a reconnect
   * @param lameDuck lame-duck notices from servers about to shut down
   * @param slowConsumers times a subscription's pending limit was hit (messages dropped)
   * @param discarded outgoing messages discarded by the client
   * @param errors server {@code -ERR}s, exceptions and write timeouts
   * @param closes connections closed for good
   */
  public record Snapshot(long connects, long disconnects, long reconnects, long resubscribes,
      long lameDuck, long slowConsumers, long discarded, long errors, long closes) {}

  /** The current values. */
  public Snapshot snapshot() {
    return new Snapshot(connects.get(), disconnects.get(), reconnects.get(), resubscribes.get(),
        lameDuck.get(), slowConsumers.get(), discarded.get(), errors.get(), closes.get());
  }

  public long connects() {
    return connects.get();
  }

  public long disconnects() {
    return disconnects.get();
  }

  public long reconnects() {
    return reconnects.get();
  }

  public long resubscribes() {
    return resubscribes.get();
  }

  public long lameDuck() {
    return lameDuck.get();
  }

  public long slowConsumers() {
    return slowConsumers.get();
  }

  public long discarded() {
    return discarded.get();
  }

  public long errors() {
    return errors.get();
  }

  public long closes() {
    return closes.get();
  }

  void count(ConnectionEvent.Type type) {
    switch (type) {
      case CONNECTED -> connects.incrementAndGet();
      case DISCONNECTED -> disconnects.incrementAndGet();
      case RECONNECTED -> reconnects.incrementAndGet();
      case RESUBSCRIBED -> resubscribes.incrementAndGet();
      case LAME_DUCK -> lameDuck.incrementAndGet();
      case SLOW_CONSUMER -> slowConsumers.incrementAndGet();
      case DISCARDED -> discarded.incrementAndGet();
      case ERROR -> errors.incrementAndGet();
      case CLOSED -> closes.incrementAndGet();
      case DISCOVERED_SERVERS -> {
        // informational only
      }
    }
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }
}
