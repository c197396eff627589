package io.micronats.simulator.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs an operation once for every index {@code 0..count-1} on a few threads, for warm-up and
 * priming work that is not measured. Stateless.
 */
public final class ForEachIndex {
  private ForEachIndex() {}

  /** An operation on one index. */
  @FunctionalInterface
  public interface Operation {
    /** Performs the operation for {@code index}. */
    void run(int index) throws Exception;
  }

  /**
   * What a run did. Immutable.
   *
   * @param done indexes whose operation returned normally
   * @param failed indexes whose operation threw
   * @param millis wall time
   */
  public record Result(long done, long failed, long millis) {}

  /**
   * Runs {@code op} for every index on {@code threads} threads; stops starting new ones after
   * {@code limit}.
   *
   * @throws InterruptedException when interrupted; the threads are stopped
   */
  public static Result run(String name, int count, int threads, Duration limit, Operation op) throws InterruptedException {
    long begin = System.nanoTime();
    long deadline = begin + limit.toNanos();
    AtomicLong next = new AtomicLong();
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < Math.max(1, threads); t++) {
      Thread w = new Thread(() -> {
        for (long i = next.getAndIncrement(); i < count && System.nanoTime() < deadline; i = next.getAndIncrement()) {
          try {
            op.run((int) i);
            done.incrementAndGet();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          } catch (Exception e) {
            failed.incrementAndGet();
          }
        }
      }, "sim-" + name + "-" + t);
      w.setDaemon(true);
      workers.add(w);
      w.start();
    }
    try {
      for (Thread w : workers) {
        w.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000L) + 5_000);
      }
    } finally {
      workers.forEach(Thread::interrupt);
    }
    return new Result(done.get(), failed.get(), (System.nanoTime() - begin) / 1_000_000L);
  }
}
