package io.micronats.tck.env;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread pools of the contract rules, with named daemon threads ({@code tck-transport-3}) so a
 * thread dump or log line of a TCK run says which suite a thread belongs to, never
 * {@code pool-7-thread-1}.
 *
 * <p>Stateless; each pool is the caller's to shut down, usually in a {@code finally} block.
 */
public final class TckThreads {
  private TckThreads() {}

  /** A fixed pool of {@code threads} threads named {@code prefix-1}, {@code prefix-2}, ... */
  public static ExecutorService pool(String prefix, int threads) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(threads, task -> {
      Thread t = new Thread(task, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }
}
