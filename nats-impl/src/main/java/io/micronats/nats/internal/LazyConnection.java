package io.micronats.nats.internal;

import io.micronats.nats.connection.NatsConnectException;
import io.micronats.spi.ClosedException;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A jnats connection that its owner (the NATS transport, the registry) opens on first use
 * through {@link Connector} and gives back exactly once: the lazy connect and the close-once
 * lifecycle they share.
 *
 * <p>Thread-safe. Opening and the start of closing are serialized by one lock, held while the
 * owner's set-up runs (the set-up touches only the owner's own dispatchers and threads);
 * {@link #current()} and {@link #isClosed()} never block. The owner's tear-down runs with no lock
 * of this class held.
 */
public final class LazyConnection {

  private final PluginConfig config;
  private final String closedMessage;
  private final Function<NatsConnectException, RuntimeException> unreachable;
  private final Consumer<Connection> setup;
  private final Object lock = new Object();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile @Nullable Connection connection;
  private volatile @Nullable Runnable renewFirst;
  private volatile @Nullable Consumer<Connection> renewTeardown;

  /**
   * A connection not yet opened.
   *
   * @param closedMessage the message of the {@link ClosedException} that {@link #open} throws after {@link #close}
   * @param unreachable the owner's exception (naming the addresses) for a server that cannot be reached
   * @param setup what the owner does once with a fresh connection (dispatchers, threads); may throw,
   *     in which case the connection is given back and the next {@link #open} tries again
   */
  public LazyConnection(PluginConfig config, String closedMessage,
      Function<NatsConnectException, RuntimeException> unreachable, Consumer<Connection> setup) {
    this.config = Objects.requireNonNull(config, "config");
    this.closedMessage = Objects.requireNonNull(closedMessage, "closedMessage");
    this.unreachable = Objects.requireNonNull(unreachable, "unreachable");
    this.setup = Objects.requireNonNull(setup, "setup");
  }

  /**
   * Makes {@link #open} replace a connection the client library closed for good (its reconnect
   * attempts ran out) with a fresh one made from the current settings: {@code first} ends what
   * used the dead one, {@code teardown} releases the owner's resources of it, then the set-up
   * runs again. Without this, {@link #open} then fails with the owner's {@code unreachable}
   * exception. Call before first use.
   */
  public LazyConnection renewing(Runnable first, Consumer<Connection> teardown) {
    this.renewFirst = Objects.requireNonNull(first, "first");
    this.renewTeardown = Objects.requireNonNull(teardown, "teardown");
    return this;
  }

  /**
   * The connection, acquiring it and running the set-up on the first call (and again after the
   * client library closed it for good, when {@link #renewing} was set).
   *
   * @throws ClosedException after {@link #close}
   * @throws RuntimeException the owner's {@code unreachable} exception when no server accepted the
   *     connection, or what the set-up threw; either way nothing stays open
   */
  public Connection open() {
    if (closed.get()) {
      throw new ClosedException(closedMessage);
    }
    Connection c = connection;
    if (c != null && c.getStatus() != Connection.Status.CLOSED) {
      return c;
    }
    synchronized (lock) {
      if (closed.get()) { // closed while this call waited for the lock: open nothing new
        throw new ClosedException(closedMessage);
      }
      c = connection;
      if (c != null && c.getStatus() == Connection.Status.CLOSED) {
        renew(c);
        c = null;
      }
      if (c != null) {
        return c;
      }
      try {
        c = Connector.acquire(config);
      } catch (NatsConnectException e) {
        throw unreachable.apply(e);
      }
      try {
        setup.accept(c);
      } catch (RuntimeException e) {
        Connector.release(c);
        throw e;
      }
      connection = c;
      return c;
    }
  }

  /** Under the lock: gives up a connection jnats closed for good, or fails with the owner's exception. */
  private void renew(Connection dead) {
    Runnable first = renewFirst;
    Consumer<Connection> teardown = renewTeardown;
    if (first == null || teardown == null) {
      throw unreachable.apply(new NatsConnectException("the NATS client library closed the connection for good"
          + " (its reconnect attempts ran out); close this and make a new one",
          io.micronats.nats.connection.Secrets.mask(config.addresses()), null));
    }
    try {
      first.run();
    } catch (RuntimeException e) {
      // What used the dead connection fails as it may: the renewal goes on.
    }
    connection = null;
    try {
      teardown.accept(dead);
    } catch (RuntimeException e) {
      // The dead connection's resources are gone with it.
    } finally {
      Connector.release(dead);
    }
  }

  /** The connection once opened and until {@link #close} gives it up; null otherwise. */
  public @Nullable Connection current() {
    return connection;
  }

  /** Whether {@link #close} was called. */
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Closes once: from now on {@link #open} throws {@link ClosedException}. Runs {@code first} while
   * the connection is still {@link #current()} (the owner ends what uses it and says goodbye to
   * peers), then waits for an {@link #open} in progress, forgets the connection, runs
   * {@code teardown} with it if one was opened (the owner closes its dispatchers and waits,
   * bounded, for its threads) and gives it back. Idempotent: later calls return at once.
   */
  public void close(Runnable first, Consumer<Connection> teardown) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    first.run();
    Connection c;
    synchronized (lock) {
      c = connection;
      connection = null;
    }
    if (c == null) {
      return;
    }
    try {
      teardown.accept(c);
    } finally {
      Connector.release(c);
    }
  }

  @Override
  public String toString() {
    return "LazyConnection[" + config.addresses() + (closed.get() ? ", closed" : "") + "]";
  }
}
