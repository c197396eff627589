package io.micronats.nats.transport;

import io.micronats.spi.ClosedException;
import io.micronats.spi.transport.AcceptHandler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler threads of a {@link NatsTransport}'s accept-mode listeners
 * ({@code transport-nats-handler-<n>}): one per accepted connection, for the life of its
 * {@link AcceptHandler}, at most {@code maxThreads} at once (a connection beyond that is refused,
 * so strangers opening connections cannot start unbounded threads); idle threads die after 30 s.
 *
 * <p>Thread-safe. Created idle; {@link #start} (on the transport's first use) makes the pool,
 * {@link #close} stops it, waiting up to 5 s for running handlers before interrupting them.
 */
final class HandlerPool {

  private static final Logger LOG = LoggerFactory.getLogger(HandlerPool.class);
  private static final AtomicLong THREADS = new AtomicLong();

  private final Counters counters;
  private final int maxThreads;
  private volatile @Nullable ExecutorService pool;

  HandlerPool(Counters counters, int maxThreads) {
    this.counters = counters;
    this.maxThreads = maxThreads;
  }

  /** Makes the (idle) pool; called once, when the transport connects. */
  void start() {
    pool = new ThreadPoolExecutor(0, maxThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(r, "transport-nats-handler-" + THREADS.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * Runs {@code handler} for {@code socket} on a thread of its own; when all {@code maxThreads}
   * are busy (or the pool is closed), closes the socket telling the peer why, and counts it.
   */
  void run(AcceptHandler handler, NatsSocket socket) {
    ExecutorService p = pool;
    try {
      if (p == null) {
        throw new RejectedExecutionException("transport not started");
      }
      p.execute(() -> serve(handler, socket));
    } catch (RejectedExecutionException e) {
      counters.refused();
      LOG.debug("no handler thread for {}: {}", socket, e.toString());
      socket.closeBecause("listener busy: all " + maxThreads + " handler threads in use");
    }
  }

  private void serve(AcceptHandler handler, NatsSocket socket) {
    try {
      handler.accept(socket);
    } catch (ClosedException e) {
      // The usual end of a receive loop: the peer closed, or the listener or transport did.
      LOG.debug("accept handler for {} ended: {}", socket, e.getMessage());
    } catch (Throwable t) {
      // Outermost frame of a handler thread: the failure is counted and logged, the listener carries on.
      counters.handlerFailure();
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warn("accept handler for {} failed; closing that socket only", socket, t);
    } finally {
      socket.close();
    }
  }

  /** Stops the pool: waits up to 5 s for running handlers, then interrupts them. */
  void close() {
    ExecutorService p = pool;
    if (p == null) {
      return;
    }
    p.shutdown();
    try {
      if (!p.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("transport handler threads still busy 5 s after close; interrupting them");
        p.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.shutdownNow();
    }
  }
}
