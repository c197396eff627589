package io.micronats.nats.cluster.proxy;

/**
 * The current {@link LinkShape} of a proxy, and a way to wait until it changes.
 *
 * <p>Thread-safe: read by every pipe thread, changed by whoever injects faults.
 */
final class Gate {
  private final Object monitor = new Object();
  private volatile LinkShape shape = LinkShape.HEALTHY;
  private volatile boolean closed;

  LinkShape shape() {
    return shape;
  }

  boolean closed() {
    return closed;
  }

  void set(LinkShape newShape) {
    synchronized (monitor) {
      shape = newShape;
      monitor.notifyAll();
    }
  }

  /** Changes the shape atomically with {@code change}; returns the new shape. */
  LinkShape update(java.util.function.UnaryOperator<LinkShape> change) {
    synchronized (monitor) {
      shape = change.apply(shape);
      monitor.notifyAll();
      return shape;
    }
  }

  void close() {
    synchronized (monitor) {
      closed = true;
      monitor.notifyAll();
    }
  }

  /**
   * Waits while {@code one} direction is silent, at most until the gate closes or {@code stopped}.
   *
   * @return false when the gate closed or the thread was interrupted
   */
  boolean awaitSpeaking(Direction one, java.util.function.BooleanSupplier stopped) {
    synchronized (monitor) {
      while (!closed && !stopped.getAsBoolean() && shape.silent(one)) {
        try {
          monitor.wait(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return !closed && !stopped.getAsBoolean();
    }
  }

  /**
   * Waits until {@code dueNanos} (a {@link System#nanoTime()} value) or until the gate closes or {@code stopped}.
   *
   * @return false when the gate closed or the thread was interrupted
   */
  boolean awaitDue(long dueNanos, java.util.function.BooleanSupplier stopped) {
    while (!closed && !stopped.getAsBoolean()) {
      long left = dueNanos - System.nanoTime();
      if (left <= 0) {
        return true;
      }
      try {
        Thread.sleep(Math.min(left / 1_000_000, 100), (int) (Math.min(left, 100_000_000) % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
