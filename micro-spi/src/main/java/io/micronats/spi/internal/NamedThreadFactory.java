package io.micronats.spi.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thread factory that makes daemon threads named {@code <prefix>-<n>}, such as
 * {@code memory-broker-dispatch-1}.
 *
 * <p>Thread-safe. An uncaught exception on such a thread is logged at ERROR through
 * {@link System.Logger}; it never disappears silently.
 */
public final class NamedThreadFactory implements ThreadFactory {

  private static final System.Logger LOG = System.getLogger(NamedThreadFactory.class.getName());
  private final String prefix;
  private final AtomicInteger counter = new AtomicInteger();

  /** Threads named {@code prefix-1}, {@code prefix-2}, ... */
  public NamedThreadFactory(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + "-" + counter.incrementAndGet());
    thread.setDaemon(true);
    thread.setUncaughtExceptionHandler((t, e) ->
        LOG.log(System.Logger.Level.ERROR, "uncaught failure on thread " + t.getName(), e));
    return thread;
  }
}
