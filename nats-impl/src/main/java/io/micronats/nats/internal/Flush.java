package io.micronats.nats.internal;

import io.nats.client.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Round trips to the server ({@link Connection#flush}), one at a time per connection.
 *
 * <p>Thread-safe. jnats counts a flush as an outstanding ping, and more outstanding pings than
 * its limit (2) make it drop the connection as broken; many threads subscribing at once would do
 * exactly that. Serialising flushes per connection keeps at most one of ours outstanding.
 */
public final class Flush {

  private static final Map<Connection, Object> LOCKS = new WeakHashMap<>();

  private Flush() {}

  /**
   * Waits until the server has confirmed a new subscription (everything sent so far), or throws
   * {@code failure.apply(cause)} for a timeout or an interrupt (whose flag is restored); the
   * function is the place to undo the subscription.
   */
  public static void confirm(Connection connection, Duration timeout, Function<Exception, ? extends RuntimeException> failure) {
    try {
      await(connection, timeout);
    } catch (TimeoutException e) {
      throw failure.apply(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure.apply(e);
    }
  }

  /**
   * Waits until the server has processed everything sent on {@code connection} so far.
   *
   * @throws TimeoutException when it did not answer within {@code timeout}
   * @throws InterruptedException when interrupted while waiting
   */
  public static void await(Connection connection, Duration timeout) throws TimeoutException, InterruptedException {
    Object lock;
    synchronized (LOCKS) {
      lock = LOCKS.computeIfAbsent(connection, c -> new Object());
    }
    synchronized (lock) {
      connection.flush(timeout);
    }
  }
}
