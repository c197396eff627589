package io.micronats.simulator.baseline;

import io.micronats.simulator.load.ClosedLoopDriver;
import io.micronats.simulator.load.OpenLoopPacer;
import io.micronats.simulator.load.PacerStats;
import io.micronats.simulator.measure.Outcome;
import io.micronats.simulator.measure.PhaseMeter;
import io.micronats.simulator.scenario.Phases;
import io.micronats.simulator.workload.BrokerWire;
import io.micronats.simulator.workload.PhaseRecord;
import io.micronats.simulator.workload.PhaseRunner;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Runs one side of a comparison with the same generator for micronats and for raw jnats: a
 * closed loop of N request/reply callers, or one publisher sending as fast as it can to one
 * subscriber. Used by {@code bench} and by a simulation's baseline.
 *
 * <p>Used from the control thread.
 */
public final class Comparisons {
  private static final Duration DRAIN = Duration.ofSeconds(3);
  /** Rate key of a phase's process CPU microseconds per completed operation. */
  public static final String CPU_PER_OP = "bench.cpuMicrosPerOp";
  /** Rate key of a phase's bytes allocated per completed operation. */
  public static final String ALLOC_PER_OP = "bench.allocBytesPerOp";
  private final PhaseRunner runner;
  private final int contend;

  /** Comparisons reported through {@code runner}, without contention. */
  public Comparisons(PhaseRunner runner) {
    this(runner, 0);
  }

  /**
   * Comparisons reported through {@code runner}; with {@code contend} > 0, that many busy threads
   * run in a separate process through every measured phase (warm-up included).
   */
  public Comparisons(PhaseRunner runner, int contend) {
    if (contend < 0) {
      throw new IllegalArgumentException("--contend must be >= 0, was " + contend);
    }
    this.runner = runner;
    this.contend = contend;
  }

  /** Figures of a phase's primary histogram and achieved rate. */
  public static Figures figures(PhaseRecord r) {
    Histogram h = r.measurement().latency();
    double p50 = h == null || h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(50) / 1000.0;
    double p99 = h == null || h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99) / 1000.0;
    return new Figures(r.measurement().throughput(), p50, p99, r.rates().getOrDefault(CPU_PER_OP, 0.0),
        r.rates().getOrDefault(ALLOC_PER_OP, 0.0));
  }

  /** A measured phase, wrapped: the contender around it, and its cost per operation added to its rates. */
  @SuppressWarnings("try") // the contender only has to live while the body runs; it is never referenced
  private PhaseRecord measured(Phases phases, Measured body) throws Exception {
    CostMeter[] meter = new CostMeter[1];
    PhaseRecord r;
    Duration bound = phases.warmup().plus(phases.measured()).plus(phases.cooldown()).plus(Duration.ofSeconds(20));
    try (Contender c = contend > 0 ? Contender.start(contend, bound) : null) {
      r = body.run(meter);
    }
    CostMeter.Cost cost = meter[0] == null ? CostMeter.Cost.UNKNOWN : meter[0].result();
    long ops = r.measurement().count(Outcome.SUCCESS.counter());
    Map<String, Double> rates = new LinkedHashMap<>(r.rates());
    if (ops > 0 && cost.cpuNanos() >= 0) {
      rates.put(CPU_PER_OP, cost.cpuNanos() / 1e3 / ops);
    }
    if (ops > 0 && cost.allocatedBytes() >= 0) {
      rates.put(ALLOC_PER_OP, (double) cost.allocatedBytes() / ops);
    }
    Map<String, String> labels = new LinkedHashMap<>(r.labels());
    labels.put("cost", "process CPU and allocations of the bench JVM (client and service sides) in the measured window"
        + " per completed operation");
    if (contend > 0) {
      labels.put("contend", contend + " busy threads in a separate process");
    }
    return new PhaseRecord(r.name(), r.workload(), r.closed(), r.targetRate(), r.concurrency(), r.measurement(),
        r.counts(), rates, labels);
  }

  @FunctionalInterface
  private interface Measured {
    PhaseRecord run(CostMeter[] meter) throws Exception;
  }

  /** A closed loop of {@code inFlight} callers over {@code pair}. */
  public PhaseRecord rpc(String name, String workload, RpcPair pair, int inFlight, Phases phases, Duration timeout,
      Map<String, String> labels) throws Exception {
    return measured(phases, cost -> runner.run(name, workload, true, 0, inFlight, phases, "rpc", (start, end, meter) -> {
      cost[0] = CostMeter.start(meter.windowStart(), meter.windowEnd());
      OpenLoopPacer.parkUntil(start);
      return ClosedLoopDriver.run(name, inFlight, end, timeout.plus(phases.cooldown()), pair.call(), meter);
    }, labels));
  }

  /** Creates one side of a publish/subscribe pair delivering into a sink. */
  @FunctionalInterface
  interface PairFactory {
    PubSubPair create(java.util.function.Consumer<byte[]> sink) throws Exception;
  }

  /**
   * One publisher sending {@code payload}-byte messages as fast as it can to one subscriber.
   * The achieved rate is messages delivered per second in the measured window; latency is from
   * the actual send (under saturation it is queueing time).
   */
  PhaseRecord flatOut(String name, String workload, PairFactory factory, int payload, Phases phases,
      Map<String, String> labels) throws Exception {
    AtomicReference<PhaseMeter> meterRef = new AtomicReference<>();
    LongAdder received = new LongAdder();
    AtomicBoolean probed = new AtomicBoolean();
    LongAdder published = new LongAdder();
    try (PubSubPair pair = factory.create(body -> {
      if (PubSubPair.isProbe(body)) {
        probed.set(true);
        return;
      }
      long now = System.nanoTime();
      received.increment();
      PhaseMeter meter = meterRef.get();
      if (meter != null && BrokerWire.valid(body) && meter.inWindow(now)) {
        meter.add("successes", 1);
        long sent = BrokerWire.intended(body);
        meter.recorder("delivery").record(now - sent);
      }
    })) {
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (!probed.get()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(name + ": the subscriber never saw a probe: interest did not propagate");
        }
        pair.publish(BrokerWire.encode(BrokerWire.PROBE, 0, 0, payload));
        LockSupport.parkNanos(20_000_000L);
      }
      Map<String, String> allLabels = new LinkedHashMap<>(labels);
      allLabels.put("latency", "from the actual send of a publisher running flat out: queueing time, not a latency under load");
      PhaseRecord r = measured(phases, cost -> runner.run(name, workload, true, 0, 1, phases, "delivery", (start, end, meter) -> {
        cost[0] = CostMeter.start(meter.windowStart(), meter.windowEnd());
        meterRef.set(meter);
        OpenLoopPacer.parkUntil(start);
        long seq = 0;
        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
          pair.publish(BrokerWire.encode(0, seq++, now, payload));
        }
        published.add(seq);
        return new PacerStats(seq, seq, 0, 0, 0);
      }, allLabels));
      long waitUntil = System.nanoTime() + DRAIN.toNanos();
      long last = -1;
      while (System.nanoTime() < waitUntil && received.sum() != last) {
        last = received.sum();
        LockSupport.parkNanos(300_000_000L);
      }
      Map<String, Long> counts = new LinkedHashMap<>(r.counts());
      counts.put("published", published.sum());
      counts.put("received", received.sum());
      counts.put("lost", Math.max(0, published.sum() - received.sum()));
      return r.toBuilder().counts(counts).build();
    }
  }
}
