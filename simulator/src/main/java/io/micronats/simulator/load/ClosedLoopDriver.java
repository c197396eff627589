package io.micronats.simulator.load;

import io.micronats.simulator.measure.Outcome;
import io.micronats.simulator.measure.PhaseMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-model load generator for capacity: {@code concurrency} loops, each starting its next
 * operation when the previous one finished. It measures how much the system can do with that
 * many operations outstanding; its latencies are measured from the <em>actual</em> start and
 * understate what an open stream of users would see, so every result it produces is labelled
 * {@code closed} (mode) and must not be read as open-model latency.
 *
 * <p>Thread-safety: {@link #run} is a blocking static method that owns its threads and joins
 * them before returning (bounded by {@code drain}).
 */
public final class ClosedLoopDriver {
  private ClosedLoopDriver() {}

  /**
   * Runs {@code concurrency} loops from now until {@code end} ({@code System.nanoTime()} units).
   *
   * @throws InterruptedException when the calling thread is interrupted; loops are stopped
   */
  public static PacerStats run(String name, int concurrency, long end, Duration drain, Call call, PhaseMeter meter)
      throws InterruptedException {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
    }
    AtomicLong index = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Thread t = new Thread(() -> {
        while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
          long begin = System.nanoTime();
          Outcome outcome = Outcome.SUCCESS;
          try {
            call.call(index.getAndIncrement(), begin);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          } catch (Exception e) {
            outcome = Outcomes.classify(e);
            Outcomes.countError(meter, begin, outcome, e);
          }
          meter.complete(begin, System.nanoTime() - begin, outcome);
        }
      }, "sim-" + name + "-loop-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    long giveUpAt = end + drain.toNanos();
    long stuck = 0;
    try {
      for (Thread t : threads) {
        long wait = Math.max(1, (giveUpAt - System.nanoTime()) / 1_000_000L);
        t.join(wait);
        if (t.isAlive()) {
          stuck++;
        }
      }
    } finally {
      threads.forEach(Thread::interrupt);
    }
    long n = index.get();
    return new PacerStats(n, n, 0, 0, stuck);
  }
}
