package io.micronats.simulator.agent;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The built-in work of an agent, on raw NATS request/reply: hosts its share of the fake services
 * (one queue-group subscription each, on {@link AgentSubjects#service(int)}) and calls random
 * services of the whole run at its share of the rate, open model, latency from the intended send
 * time. Counts {@code calls}, {@code successes}, {@code timeouts}, {@code noResponders},
 * {@code errors} and {@code served}; histogram {@code rpc}.
 *
 * <p>Settings: {@code timeoutMillis} (default 1000), {@code payloadBytes} (default 128),
 * {@code seed}. Thread-safe for one run at a time.
 */
public final class ServiceCallWork implements AgentWork {

  @Override
  public Result run(Assignment a, Connection connection, AgentSubjects subjects) throws Exception {
    long timeoutMillis = Long.parseLong(a.setting("timeoutMillis", "1000"));
    byte[] payload = new byte[Integer.parseInt(a.setting("payloadBytes", "128"))];
    AtomicLong served = new AtomicLong();
    Dispatcher services = connection.createDispatcher(m -> {
      served.incrementAndGet();
      if (m.getReplyTo() != null) {
        connection.publish(m.getReplyTo(), m.getData());
      }
    });
    for (int i = a.servicesFrom(); i < a.servicesTo(); i++) {
      services.subscribe(subjects.service(i), "svc");
    }
    connection.flush(Duration.ofSeconds(5));

    Recorder recorder = new Recorder(3);
    AtomicLong calls = new AtomicLong();
    AtomicLong ok = new AtomicLong();
    AtomicLong timeouts = new AtomicLong();
    AtomicLong noResponders = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong pending = new AtomicLong();
    SplittableRandom random = new SplittableRandom(Long.parseLong(a.setting("seed", "1")) + a.index());

    sleepUntilEpoch(a.startAtEpochMillis());
    long start = System.nanoTime();
    long end = start + TimeUnit.MILLISECONDS.toNanos(a.durationMillis());
    long period = a.ratePerSecond() <= 0 ? Long.MAX_VALUE : (long) (1e9 / a.ratePerSecond());
    long n = 0;
    while (a.ratePerSecond() > 0 && a.totalServices() > 0) {
      long intended = start + n * period;
      if (intended >= end) {
        break;
      }
      long wait = intended - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
        continue;
      }
      n++;
      calls.incrementAndGet();
      pending.incrementAndGet();
      String subject = subjects.service(random.nextInt(a.totalServices()));
      CompletableFuture<Message> f;
      try {
        f = connection.requestWithTimeout(subject, payload, Duration.ofMillis(timeoutMillis))
            .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
      } catch (RuntimeException e) {
        errors.incrementAndGet();
        pending.decrementAndGet();
        continue;
      }
      long sentFor = intended;
      f.whenComplete((msg, error) -> {
        if (error == null) {
          recorder.recordValue(Math.max(1, System.nanoTime() - sentFor));
          ok.incrementAndGet();
        } else {
          Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
          if (cause instanceof TimeoutException
              || String.valueOf(cause.getMessage()).contains("not registered in time")) {
            timeouts.incrementAndGet();
          } else if (cause instanceof CancellationException) {
            noResponders.incrementAndGet();
          } else {
            errors.incrementAndGet();
          }
        }
        pending.decrementAndGet();
      });
    }
    // wait for calls in flight, then keep serving the other agents for a grace period
    long drainDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis + 2000);
    while (pending.get() > 0 && System.nanoTime() < drainDeadline) {
      LockSupport.parkNanos(10_000_000L);
    }
    sleepUntilEpoch(a.startAtEpochMillis() + a.durationMillis() + timeoutMillis + 1000);
    connection.closeDispatcher(services);

    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("calls", calls.get());
    counts.put("successes", ok.get());
    counts.put("timeouts", timeouts.get());
    counts.put("noResponders", noResponders.get());
    counts.put("errors", errors.get());
    counts.put("served", served.get());
    counts.put("elapsedMillis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    Histogram h = recorder.getIntervalHistogram();
    return new Result(counts, Map.of("rpc", h));
  }

  private static void sleepUntilEpoch(long epochMillis) throws InterruptedException {
    long wait = epochMillis - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }
}
