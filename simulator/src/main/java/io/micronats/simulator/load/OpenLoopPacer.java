package io.micronats.simulator.load;

import io.micronats.simulator.measure.Outcome;
import io.micronats.simulator.measure.PhaseMeter;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load generator: operation {@code k} is <em>intended</em> to start at
 * {@code start + k / rate}, whatever happened to earlier ones, and its latency is measured from
 * that intended time, so a stall delays the following operations' starts and shows up in
 * their latency instead of being omitted (no coordinated omission, the wrk2 method).
 *
 * <p>At most {@code maxInFlight} operations run at once, on that many worker threads; when all
 * are busy, the next operation waits for a free worker and its waiting is part of its latency.
 * The pacer sleeps with {@link LockSupport#parkNanos} and never spins, because the machine's
 * cores are shared with the system under test. The latency of each operation and its
 * {@link Outcome} go to a {@link PhaseMeter}, which keeps only those intended in its window;
 * the meter also hears each operation's actual send time (when its worker called it), by which
 * fault windows file it. The generator's own lateness, actual minus intended send time (the wait
 * for a free worker and for the worker to run, long when the machine is loaded), is recorded as
 * {@code sendLag}.
 *
 * <pre>{@code
 * PacerStats stats = OpenLoopPacer.run("rpc", 2000, 64, start, end, Duration.ofSeconds(2), (i, t) -> client.call(...), meter);
 * }</pre>
 *
 * <p>Thread-safety: {@link #run} is a blocking static method; it owns its threads and stops them
 * before returning (bounded by {@code drain}).
 */
public final class OpenLoopPacer {
  /** The recorder of the generator's lateness: actual send time minus intended send time. */
  public static final String SEND_LAG = "sendLag";
  private static final long LATE_NANOS = 1_000_000L;

  private OpenLoopPacer() {}

  /**
   * Runs operations at {@code rate} per second with intended times in {@code [start, end)}
   * ({@code System.nanoTime()} units), then waits up to {@code drain} for the last ones.
   *
   * @throws InterruptedException when the calling thread is interrupted; workers are stopped
   */
  public static PacerStats run(String name, double rate, int maxInFlight, long start, long end, Duration drain,
      Call call, PhaseMeter meter) throws InterruptedException {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate must be > 0, was " + rate);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be >= 1, was " + maxInFlight);
    }
    double period = 1e9 / rate;
    Semaphore permits = new Semaphore(maxInFlight);
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService workers = Executors.newFixedThreadPool(maxInFlight, r -> {
      Thread t = new Thread(r, "sim-" + name + "-worker-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    long scheduled = 0;
    long started = 0;
    LongAdder late = new LongAdder();
    long notSent = 0;
    long giveUpAt = end + drain.toNanos();
    try {
      for (long k = 0; ; k++) {
        long intended = start + Math.round(k * period);
        if (intended >= end) {
          break;
        }
        scheduled++;
        parkUntil(intended);
        if (!acquire(permits, giveUpAt)) {
          meter.complete(intended, System.nanoTime() - intended, Outcome.NOT_SENT);
          notSent++;
          continue;
        }
        started++;
        long index = k;
        workers.execute(() -> {
          // the actual send: after the wait for a permit and for the worker thread to run
          long sent = System.nanoTime();
          meter.record(SEND_LAG, intended, sent - intended);
          if (sent - intended > LATE_NANOS) {
            late.increment();
          }
          Outcome outcome = Outcome.SUCCESS;
          try {
            call.call(index, intended);
          } catch (Exception e) {
            outcome = Outcomes.classify(e);
            Outcomes.countError(meter, intended, outcome, e);
          } finally {
            meter.complete(intended, sent, System.nanoTime() - intended, outcome);
            permits.release();
          }
        });
      }
      long inFlight = drainPermits(permits, maxInFlight, giveUpAt);
      return new PacerStats(scheduled, started, late.sum(), notSent, inFlight);
    } finally {
      workers.shutdownNow();
      workers.awaitTermination(2, TimeUnit.SECONDS);
    }
  }

  /** Sleeps (parkNanos, no spinning) until {@code deadline} in {@code System.nanoTime()} units. */
  public static void parkUntil(long deadline) throws InterruptedException {
    for (long wait = deadline - System.nanoTime(); wait > 0; wait = deadline - System.nanoTime()) {
      LockSupport.parkNanos(wait);
      if (Thread.interrupted()) {
        throw new InterruptedException("pacer interrupted");
      }
    }
  }

  private static boolean acquire(Semaphore permits, long giveUpAt) throws InterruptedException {
    if (permits.tryAcquire()) {
      return true;
    }
    long wait = giveUpAt - System.nanoTime();
    return wait > 0 && permits.tryAcquire(wait, TimeUnit.NANOSECONDS);
  }

  private static long drainPermits(Semaphore permits, int maxInFlight, long giveUpAt) throws InterruptedException {
    long wait = Math.max(0, giveUpAt - System.nanoTime());
    if (permits.tryAcquire(maxInFlight, wait, TimeUnit.NANOSECONDS)) {
      permits.release(maxInFlight);
      return 0;
    }
    return (long) maxInFlight - permits.availablePermits();
  }

}
