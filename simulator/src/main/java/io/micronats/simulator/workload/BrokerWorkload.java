package io.micronats.simulator.workload;

import io.micronats.simulator.load.OpenLoopPacer;
import io.micronats.simulator.load.PacerStats;
import io.micronats.simulator.measure.Outcome;
import io.micronats.simulator.measure.PhaseMeter;
import io.micronats.simulator.measure.QueueGroupTracker;
import io.micronats.simulator.measure.SequenceTracker;
import io.micronats.simulator.scenario.BrokerSpec;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.spi.Message;
import io.micronats.spi.broker.Broker;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.micronats.spi.plugin.Plugins;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker workload: publishers on the client nodes send sequence-numbered messages at fixed
 * rates to one topic; plain subscribers (each gets every message) and one queue group (each
 * message reaches one member) on the service nodes account for loss, duplication and
 * reordering, and record end-to-end latency from the intended send time.
 *
 * <p>Before measuring, probes are published until every subscriber (and the group) has seen one
 * from every publisher, since interest propagates between servers asynchronously. Loss,
 * duplicates and reordering are counted over the whole run (warm-up and cool-down included);
 * latency only for messages intended in the measured window.
 *
 * <p>Run from the control thread; publishers have their own threads, subscribers run on the
 * broker's threads.
 */
public final class BrokerWorkload {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerWorkload.class);
  private static final String TOPIC = "sim.broker.load";
  private static final String GROUP = "sim-broker-group";
  private static final Duration GATE = Duration.ofSeconds(15);

  private final Scenario scenario;
  private final PhaseRunner runner;
  private final ClientConfigs configs;
  private volatile io.micronats.simulator.fault.@org.jspecify.annotations.Nullable DeliveryLedger ledger;

  /**
   * Also accounts every message in {@code newLedger} (publisher {@code pub<i>}, targets
   * {@code sub<i>} and {@code group}), with times, so that loss can be attributed to faults.
   */
  public BrokerWorkload ledger(io.micronats.simulator.fault.DeliveryLedger newLedger) {
    this.ledger = newLedger;
    return this;
  }

  /**
   * Also reports every delivery to {@code newTimeline} as an operation of the series
   * {@code broker.delivery} (end-to-end latency from the intended send time), so that a fault's
   * "back to baseline" waits for deliveries to flow again, not only for publishes to succeed.
   */
  public BrokerWorkload timeline(io.micronats.simulator.fault.FaultTimeline newTimeline) {
    this.timeline = newTimeline;
    return this;
  }

  /** The series deliveries are reported in. */
  public static final String DELIVERY_SERIES = "broker.delivery";

  private volatile io.micronats.simulator.fault.@org.jspecify.annotations.Nullable FaultTimeline timeline;

  /** A workload for {@code scenario}. */
  public BrokerWorkload(Scenario scenario, PhaseRunner runner, ClientConfigs configs) {
    this.scenario = scenario;
    this.runner = runner;
    this.configs = configs;
  }

  /** Runs the broker phase. */
  public PhaseRecord run() throws Exception {
    BrokerSpec spec = scenario.workloads().broker();
    List<Broker> brokers = new ArrayList<>();
    List<Subscription> subscriptions = new ArrayList<>();
    try {
      List<Broker> publishers = new ArrayList<>();
      for (int p = 0; p < spec.publishers(); p++) {
        publishers.add(connect(brokers, true, p, "sim-pub-" + p));
      }
      Receivers receivers = new Receivers(spec.subscribers(), spec.queueGroupMembers(), spec.publishers(), ledger);
      io.micronats.simulator.fault.FaultTimeline faultTimeline = timeline;
      java.util.concurrent.atomic.AtomicReference<PhaseMeter> meterRef = new java.util.concurrent.atomic.AtomicReference<>();
      for (int s = 0; s < spec.subscribers(); s++) {
        int sub = s;
        Broker b = connect(brokers, false, s, "sim-sub-" + s);
        subscriptions.add(b.subscribe(TOPIC, e -> receivers.plain(sub, e.message().body(), meterRef.get())));
      }
      for (int q = 0; q < spec.queueGroupMembers(); q++) {
        int member = q;
        Broker b = connect(brokers, false, spec.subscribers() + q, "sim-queue-" + q);
        subscriptions.add(b.subscribe(TOPIC, e -> receivers.queued(member, e.message().body(), meterRef.get()),
            SubscribeOptions.defaults().withQueue(GROUP)));
      }
      long gateMillis = gate(publishers, receivers, spec.payloadBytes());
      long[] lastSequence = new long[spec.publishers()];
      java.util.Arrays.fill(lastSequence, -1);
      Load load = (start, end, meter) -> {
        if (faultTimeline != null) {
          faultTimeline.seriesStarts(DELIVERY_SERIES, meter.windowStart());
          receivers.timeline = faultTimeline;
        }
        meterRef.set(meter);
        return publish(publishers, spec, start, end, meter, lastSequence, ledger);
      };
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("publishers", Integer.toString(spec.publishers()));
      labels.put("subscribers", Integer.toString(spec.subscribers()));
      labels.put("queueGroupMembers", Integer.toString(spec.queueGroupMembers()));
      labels.put("payloadBytes", Integer.toString(spec.payloadBytes()));
      labels.put("accounting", "lost/duplicated/reordered over the whole run; latency from intended send time in the window");
      double rate = spec.ratePerPublisher() * spec.publishers();
      PhaseRecord r = runner.run("broker", "broker", false, rate, spec.publishers(), spec.phases(), "publish", load, labels);
      receivers.awaitQuiet(spec.phases().cooldown().plusSeconds(2));
      Map<String, Long> counts = new LinkedHashMap<>(r.counts());
      counts.putAll(receivers.account(lastSequence));
      counts.put("interestGateMillis", gateMillis);
      Map<String, Double> rates = new LinkedHashMap<>(r.rates());
      long deliveredInWindow = r.measurement().histograms().get("delivery") == null ? 0
          : r.measurement().histograms().get("delivery").getTotalCount();
      rates.put("delivered", deliveredInWindow * 1e9 / r.measurement().windowNanos());
      return new PhaseRecord(r.name(), r.workload(), r.closed(), r.targetRate(), r.concurrency(), r.measurement(),
          counts, rates, r.labels());
    } finally {
      for (Subscription s : subscriptions) {
        try {
          s.unsubscribe();
        } catch (RuntimeException e) {
          LOG.debug("unsubscribe failed: {}", e.toString());
        }
      }
      brokers.forEach(Broker::close);
    }
  }

  private Broker connect(List<Broker> all, boolean client, int index, String name) {
    Broker b = Plugins.broker(scenario.implementation(), configs.config(client, index, name));
    all.add(b);
    b.connect();
    return b;
  }

  private long gate(List<Broker> publishers, Receivers receivers, int size) throws InterruptedException {
    long begin = System.nanoTime();
    long deadline = begin + GATE.toNanos();
    int rounds = 0;
    while (!receivers.allProbed()) {
      if (System.nanoTime() > deadline || rounds++ > 10_000) {
        throw new IllegalStateException("broker subscribers did not see the publishers' probes within "
            + GATE.toSeconds() + "s: interest did not propagate");
      }
      for (int p = 0; p < publishers.size(); p++) {
        publishers.get(p).publish(TOPIC, Message.of(BrokerWire.encode(BrokerWire.PROBE, p, 0, size)));
      }
      LockSupport.parkNanos(20_000_000L);
      if (Thread.interrupted()) {
        throw new InterruptedException("interest gate interrupted");
      }
    }
    return (System.nanoTime() - begin) / 1_000_000L;
  }

  private static PacerStats publish(List<Broker> publishers, BrokerSpec spec, long start, long end, PhaseMeter meter,
      long[] lastSequence, io.micronats.simulator.fault.@org.jspecify.annotations.Nullable DeliveryLedger ledger)
      throws InterruptedException {
    double period = 1e9 / spec.ratePerPublisher();
    AtomicLong scheduled = new AtomicLong();
    AtomicLong late = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    AtomicBoolean interrupted = new AtomicBoolean();
    for (int p = 0; p < publishers.size(); p++) {
      int id = p;
      Broker broker = publishers.get(p);
      Thread t = new Thread(() -> {
        try {
          for (long k = 0; ; k++) {
            long intended = start + Math.round(k * period);
            if (intended >= end) {
              break;
            }
            OpenLoopPacer.parkUntil(intended);
            if (System.nanoTime() - intended > 1_000_000L) {
              late.incrementAndGet();
            }
            scheduled.incrementAndGet();
            Outcome outcome = Outcome.SUCCESS;
            if (ledger != null) {
              ledger.sent("pub" + id, k, intended);
            }
            try {
              broker.publish(TOPIC, Message.of(BrokerWire.encode(id, k, intended, spec.payloadBytes())));
            } catch (RuntimeException e) {
              outcome = io.micronats.simulator.load.Outcomes.classify(e);
              if (ledger != null) {
                ledger.rejected("pub" + id, k, System.nanoTime());
              }
            }
            lastSequence[id] = k;
            meter.complete(intended, System.nanoTime() - intended, outcome);
          }
        } catch (InterruptedException e) {
          interrupted.set(true);
        }
      }, "sim-publisher-" + p);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000L) + 10_000);
      if (t.isAlive()) {
        t.interrupt();
      }
    }
    if (interrupted.get()) {
      throw new InterruptedException("publishers interrupted");
    }
    return new PacerStats(scheduled.get(), scheduled.get(), late.get(), 0, 0);
  }

  /** Sequence accounting of every receiver. Thread-safe (per-receiver locks). */
  private static final class Receivers {
    private final SequenceTracker[][] plain;
    private final QueueGroupTracker[] group;
    private final boolean[][] plainProbed;
    private final boolean[] groupProbed;
    private final LongAdder received = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final io.micronats.simulator.fault.@org.jspecify.annotations.Nullable DeliveryLedger ledger;
    volatile io.micronats.simulator.fault.@org.jspecify.annotations.Nullable FaultTimeline timeline;

    private void delivered(long intended, long now) {
      io.micronats.simulator.fault.FaultTimeline t = timeline;
      if (t != null) {
        t.completed(DELIVERY_SERIES, intended, now, true);
      }
    }

    Receivers(int subscribers, int members, int publishers,
        io.micronats.simulator.fault.@org.jspecify.annotations.Nullable DeliveryLedger ledger) {
      this.ledger = ledger;
      if (ledger != null) {
        for (int p = 0; p < publishers; p++) {
          for (int s = 0; s < subscribers; s++) {
            ledger.expect("sub" + s, "pub" + p);
          }
          if (members > 0) {
            ledger.expect("group", "pub" + p, false);
          }
        }
      }
      plain = new SequenceTracker[subscribers][publishers];
      plainProbed = new boolean[subscribers][publishers];
      for (int s = 0; s < subscribers; s++) {
        for (int p = 0; p < publishers; p++) {
          plain[s][p] = new SequenceTracker();
        }
      }
      group = new QueueGroupTracker[members == 0 ? 0 : publishers];
      groupProbed = new boolean[group.length];
      for (int p = 0; p < group.length; p++) {
        group[p] = new QueueGroupTracker(members);
      }
    }

    void plain(int sub, byte[] body, @org.jspecify.annotations.Nullable PhaseMeter meter) {
      if (!BrokerWire.valid(body)) {
        malformed.increment();
        return;
      }
      long now = System.nanoTime();
      int pub = BrokerWire.publisher(body);
      if (pub == BrokerWire.PROBE) {
        int from = (int) BrokerWire.sequence(body);
        synchronized (plainProbed) {
          if (from >= 0 && from < plainProbed[sub].length) {
            plainProbed[sub][from] = true;
          }
        }
        return;
      }
      if (pub < 0 || pub >= plain[sub].length) {
        malformed.increment();
        return;
      }
      SequenceTracker t = plain[sub][pub];
      synchronized (t) {
        t.receive(BrokerWire.sequence(body));
      }
      if (ledger != null) {
        ledger.received("sub" + sub, "pub" + pub, BrokerWire.sequence(body), now);
      }
      received.increment();
      if (meter != null) {
        long intended = BrokerWire.intended(body);
        meter.record("delivery", intended, now - intended);
        delivered(intended, now);
      }
    }

    void queued(int member, byte[] body, @org.jspecify.annotations.Nullable PhaseMeter meter) {
      if (!BrokerWire.valid(body)) {
        malformed.increment();
        return;
      }
      long now = System.nanoTime();
      int pub = BrokerWire.publisher(body);
      if (pub == BrokerWire.PROBE) {
        int from = (int) BrokerWire.sequence(body);
        synchronized (groupProbed) {
          if (from >= 0 && from < groupProbed.length) {
            groupProbed[from] = true;
          }
        }
        return;
      }
      if (pub < 0 || pub >= group.length) {
        malformed.increment();
        return;
      }
      group[pub].receive(member, BrokerWire.sequence(body));
      if (ledger != null) {
        ledger.received("group", "pub" + pub, BrokerWire.sequence(body), now);
      }
      received.increment();
      if (meter != null) {
        long intended = BrokerWire.intended(body);
        meter.record("delivery", intended, now - intended);
        delivered(intended, now);
      }
    }

    boolean allProbed() {
      synchronized (plainProbed) {
        for (boolean[] row : plainProbed) {
          for (boolean b : row) {
            if (!b) {
              return false;
            }
          }
        }
      }
      synchronized (groupProbed) {
        for (boolean b : groupProbed) {
          if (!b) {
            return false;
          }
        }
      }
      return true;
    }

    void awaitQuiet(Duration max) {
      long deadline = System.nanoTime() + max.toNanos();
      long last = -1;
      while (System.nanoTime() < deadline) {
        long now = received.sum();
        if (now == last) {
          return;
        }
        last = now;
        LockSupport.parkNanos(300_000_000L);
      }
    }

    Map<String, Long> account(long[] lastSequence) {
      Map<String, Long> counts = new LinkedHashMap<>();
      long lost = 0;
      long dup = 0;
      long reordered = 0;
      for (int s = 0; s < plain.length; s++) {
        long sLost = 0;
        long sDup = 0;
        long sRe = 0;
        for (int p = 0; p < plain[s].length; p++) {
          SequenceTracker t = plain[s][p];
          synchronized (t) {
            t.expectUpTo(lastSequence[p]);
            sLost += t.lost();
            sDup += t.duplicated();
            sRe += t.reordered();
          }
        }
        counts.put("sub" + s + ".lost", sLost);
        counts.put("sub" + s + ".duplicated", sDup);
        counts.put("sub" + s + ".reordered", sRe);
        lost += sLost;
        dup += sDup;
        reordered += sRe;
      }
      if (group.length > 0) {
        long gLost = 0;
        long gDup = 0;
        long gRe = 0;
        for (int p = 0; p < group.length; p++) {
          gLost += group[p].lost(lastSequence[p]);
          gDup += group[p].duplicated();
          gRe += group[p].reordered();
        }
        counts.put("group.lost", gLost);
        counts.put("group.duplicated", gDup);
        counts.put("group.reordered", gRe);
        lost += gLost;
        dup += gDup;
        reordered += gRe;
      }
      counts.put("lost", lost);
      counts.put("duplicated", dup);
      counts.put("reordered", reordered);
      counts.put("received", received.sum());
      counts.put("malformed", malformed.sum());
      return counts;
    }
  }
}
