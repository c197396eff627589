package io.micronats.nats.cluster.proxy;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One connection through a {@link LinkProxy}: the accepted socket, the socket to the target, and
 * a {@link Pipe} each way.
 *
 * <p>Thread-safe: {@link #close(boolean)} is idempotent and may be called from any thread,
 * including the pipes' own threads on an I/O failure.
 */
final class ProxiedLink {
  private final Socket accepted;
  private final Socket target;
  private final Pipe up;
  private final Pipe down;
  private final Consumer<ProxiedLink> onClosed;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger finishedDirections = new AtomicInteger();

  ProxiedLink(String name, Socket accepted, Socket target, Gate gate, AtomicLong upBytes,
      AtomicLong downBytes, Consumer<ProxiedLink> onClosed) {
    this.accepted = accepted;
    this.target = target;
    this.onClosed = onClosed;
    this.up = new Pipe(name + "-up", Direction.UPSTREAM, accepted, target, gate, upBytes,
        () -> close(false), this::directionFinished);
    this.down = new Pipe(name + "-down", Direction.DOWNSTREAM, target, accepted, gate, downBytes,
        () -> close(false), this::directionFinished);
  }

  void start() {
    up.start();
    down.start();
  }

  /**
   * Closes both sockets and stops both pipes; with {@code reset}, the sockets are reset (RST)
   * instead of closed with FIN, the way a crashed peer or a cut cable looks.
   */
  void close(boolean reset) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    up.stop();
    down.stop();
    closeSocket(accepted, reset);
    closeSocket(target, reset);
    onClosed.accept(this);
  }

  boolean isClosed() {
    return closed.get();
  }

  void join(long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    up.join(Math.max(1, deadline - System.currentTimeMillis()));
    down.join(Math.max(1, deadline - System.currentTimeMillis()));
  }

  private void directionFinished() {
    if (finishedDirections.incrementAndGet() >= 2) {
      close(false);
    }
  }

  private static void closeSocket(Socket s, boolean reset) {
    try {
      if (reset) {
        s.setSoLinger(true, 0);
      }
    } catch (IOException e) {
      // already closed
    }
    try {
      s.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
