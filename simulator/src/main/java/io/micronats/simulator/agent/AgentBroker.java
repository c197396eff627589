package io.micronats.simulator.agent;

import io.micronats.simulator.load.OpenLoopPacer;
import io.micronats.simulator.load.Outcomes;
import io.micronats.simulator.load.PacerStats;
import io.micronats.simulator.measure.Outcome;
import io.micronats.simulator.measure.PhaseMeter;
import io.micronats.simulator.measure.SequenceTracker;
import io.micronats.simulator.scenario.BrokerSpec;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.workload.BrokerWire;
import io.micronats.simulator.workload.ClientConfigs;
import io.micronats.simulator.workload.Load;
import io.micronats.simulator.workload.PhaseRecord;
import io.micronats.simulator.workload.PhaseRunner;
import io.micronats.spi.Message;
import io.micronats.spi.broker.Broker;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.micronats.spi.plugin.Plugins;
import io.nats.client.Dispatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's share of the broker workload: its publishers (global ids, so that every
 * subscriber anywhere can tell them apart) send sequence-numbered messages in
 * {@link BrokerWire}'s layout at the scenario's rate, with the send time as wall-clock nanoseconds
 * ({@link EpochClock}) so that another JVM can measure delivery; its plain subscribers and
 * queue-group members receive from every agent's publishers and keep per-(subscriber, publisher)
 * receptions for the coordinator's {@link BrokerAccounting}.
 *
 * <p>This is the distributed counterpart of {@code workload.BrokerWorkload} (same topic layout,
 * wire format, probes, phase and count names); it is separate because its accounting must be
 * completed on the coordinator, which alone knows every publisher's last sequence and every
 * group member's receptions. Before the phase, probes are published until every local
 * subscriber saw one from every publisher of the run and the group (anywhere) saw one from each,
 * and every agent got there (a barrier). Run from the agent's control thread.
 */
final class AgentBroker {
  private static final Logger LOG = LoggerFactory.getLogger(AgentBroker.class);
  static final String TOPIC = "sim.broker.load";
  static final String GROUP = "sim-broker-group";
  private static final Duration GATE = Duration.ofSeconds(30);

  /** The phase as this agent measured it, and its receptions. */
  record Measured(PhaseRecord record, BrokerTally tally) {}

  private final Scenario scenario;
  private final Assignment share;
  private final PhaseRunner runner;
  private final ClientConfigs configs;
  private final AgentLink link;
  private final EpochClock clock;

  AgentBroker(Scenario scenario, Assignment share, PhaseRunner runner, ClientConfigs configs, AgentLink link,
      EpochClock clock) {
    this.scenario = scenario;
    this.share = share;
    this.runner = runner;
    this.configs = configs;
    this.link = link;
    this.clock = clock;
  }

  Measured run() throws Exception {
    BrokerSpec spec = scenario.workloads().broker();
    int total = spec.publishers();
    List<Broker> brokers = new ArrayList<>();
    List<Subscription> subscriptions = new ArrayList<>();
    Receivers rx = new Receivers(share.subscribersFrom(), share.subscribersTo(), share.membersTo() - share.membersFrom(),
        total, clock);
    Dispatcher groupProbes = link.connection().createDispatcher(m -> rx.groupProbedSomewhere(
        Integer.parseInt(new String(m.getData(), StandardCharsets.UTF_8))));
    groupProbes.subscribe(link.subjects().groupProbed());
    rx.announce = p -> link.connection().publish(link.subjects().groupProbed(),
        Integer.toString(p).getBytes(StandardCharsets.UTF_8));
    try {
      Map<Integer, Broker> publishers = new LinkedHashMap<>();
      for (int p = share.publishersFrom(); p < share.publishersTo(); p++) {
        publishers.put(p, connect(brokers, true, p, "sim-pub-" + p));
      }
      AtomicReference<@Nullable PhaseMeter> meter = new AtomicReference<>();
      for (int s = share.subscribersFrom(); s < share.subscribersTo(); s++) {
        int sub = s;
        Broker b = connect(brokers, false, s, "sim-sub-" + s);
        subscriptions.add(b.subscribe(TOPIC, e -> rx.plain(sub, e.message().body(), meter.get())));
      }
      for (int q = share.membersFrom(); q < share.membersTo(); q++) {
        int member = q - share.membersFrom();
        Broker b = connect(brokers, false, spec.subscribers() + q, "sim-queue-" + q);
        subscriptions.add(b.subscribe(TOPIC, e -> rx.queued(member, e.message().body(), meter.get()),
            SubscribeOptions.defaults().withQueue(GROUP)));
      }
      long gateMillis = gate(publishers, rx, spec);
      Map<Integer, Long> last = new ConcurrentHashMap<>();
      publishers.keySet().forEach(p -> last.put(p, -1L));
      Load load = (start, end, m) -> {
        meter.set(m);
        PacerStats stats = publish(publishers, spec, start, end, m, last);
        OpenLoopPacer.parkUntil(end + spec.phases().cooldown().toNanos());
        return stats;
      };
      Map<String, String> labels = new LinkedHashMap<>();
      labels.put("publishers", Integer.toString(spec.publishers()));
      labels.put("subscribers", Integer.toString(spec.subscribers()));
      labels.put("queueGroupMembers", Integer.toString(spec.queueGroupMembers()));
      labels.put("payloadBytes", Integer.toString(spec.payloadBytes()));
      labels.put("accounting", "lost/duplicated/reordered over the whole run, by publisher id and sequence across"
          + " agents; latency from intended send time (wall clock) in the window");
      double rate = spec.ratePerPublisher() * publishers.size();
      PhaseRecord r = runner.run("broker", "broker", false, rate, publishers.size(), spec.phases(), "publish", load,
          labels);
      link.barrier("broker-published", "broker-published");
      rx.awaitQuiet(Duration.ofSeconds(2));
      Map<String, Long> counts = new LinkedHashMap<>(r.counts());
      counts.put("interestGateMillis", gateMillis);
      Map<String, Double> rates = new LinkedHashMap<>(r.rates());
      var delivery = r.measurement().histograms().get("delivery");
      rates.put("delivered", (delivery == null ? 0 : delivery.getTotalCount()) * 1e9 / r.measurement().windowNanos());
      PhaseRecord record = new PhaseRecord(r.name(), r.workload(), r.closed(), r.targetRate(), r.concurrency(),
          r.measurement(), counts, rates, r.labels());
      return new Measured(record, rx.tally(last));
    } finally {
      for (Subscription s : subscriptions) {
        try {
          s.unsubscribe();
        } catch (RuntimeException e) {
          LOG.debug("unsubscribe failed: {}", e.toString());
        }
      }
      brokers.forEach(Broker::close);
      link.connection().closeDispatcher(groupProbes);
    }
  }

  private Broker connect(List<Broker> all, boolean client, int index, String name) {
    Broker b = Plugins.broker(scenario.implementation(), configs.config(client, index, name));
    all.add(b);
    b.connect();
    return b;
  }

  /**
   * Probes until this agent's receivers saw every publisher, then says so and goes on probing
   * (for the other agents' receivers) until every agent did.
   */
  private long gate(Map<Integer, Broker> publishers, Receivers rx, BrokerSpec spec) throws InterruptedException {
    long begin = System.nanoTime();
    long deadline = begin + GATE.toNanos();
    long step = -1;
    for (int rounds = 0; step < 0 || !link.released(step); rounds++) {
      link.check();
      if (step < 0 && rx.allProbed(spec.queueGroupMembers() > 0)) {
        step = link.ready("broker-interest", "broker-interest");
      }
      if (System.nanoTime() > deadline || rounds > 100_000) {
        throw new IllegalStateException("broker: " + (step < 0 ? "this agent's subscribers did not see every"
            + " publisher's probes" : "the other agents' subscribers did not see every publisher's probes")
            + " within " + GATE.toSeconds() + "s: interest did not propagate");
      }
      for (Map.Entry<Integer, Broker> p : publishers.entrySet()) {
        p.getValue().publish(TOPIC, Message.of(BrokerWire.encode(BrokerWire.PROBE, p.getKey(), 0, spec.payloadBytes())));
      }
      LockSupport.parkNanos(20_000_000L);
      if (Thread.interrupted()) {
        throw new InterruptedException("interest gate interrupted");
      }
    }
    return (System.nanoTime() - begin) / 1_000_000L;
  }

  private PacerStats publish(Map<Integer, Broker> publishers, BrokerSpec spec, long start, long end, PhaseMeter meter,
      Map<Integer, Long> last) throws InterruptedException {
    double period = 1e9 / spec.ratePerPublisher();
    LongAdder scheduled = new LongAdder();
    LongAdder late = new LongAdder();
    List<Thread> threads = new ArrayList<>();
    for (Map.Entry<Integer, Broker> e : publishers.entrySet()) {
      int id = e.getKey();
      Broker broker = e.getValue();
      Thread t = new Thread(() -> {
        try {
          for (long k = 0; ; k++) {
            long intended = start + Math.round(k * period);
            if (intended >= end) {
              break;
            }
            OpenLoopPacer.parkUntil(intended);
            if (System.nanoTime() - intended > 1_000_000L) {
              late.increment();
            }
            scheduled.increment();
            Outcome outcome = Outcome.SUCCESS;
            try {
              broker.publish(TOPIC, Message.of(BrokerWire.encode(id, k, clock.epochNanos(intended), spec.payloadBytes())));
            } catch (RuntimeException ex) {
              outcome = Outcomes.classify(ex);
            }
            last.put(id, k);
            meter.complete(intended, System.nanoTime() - intended, outcome);
          }
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
        }
      }, "sim-publisher-" + id);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(Math.max(1, (end - System.nanoTime()) / 1_000_000L) + 10_000);
      if (t.isAlive()) {
        t.interrupt();
        throw new IllegalStateException("publisher thread " + t.getName() + " did not finish in time");
      }
    }
    return new PacerStats(scheduled.sum(), scheduled.sum(), late.sum(), 0, 0);
  }

  /** This agent's receivers' accounting. Thread-safe (per-tracker locks). */
  private static final class Receivers {
    private final int firstSubscriber;
    private final SequenceTracker[][] plain;
    private final boolean[][] plainProbed;
    private final BitSet[] groupSeen;
    private final long[][] groupCounts;
    private final long[][] lastPerMember;
    private final boolean[] groupProbedHere;
    private final Map<Integer, Boolean> groupProbedAnywhere = new ConcurrentHashMap<>();
    private final LongAdder received = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final EpochClock clock;
    private final int publishers;
    volatile java.util.function.IntConsumer announce = p -> { };

    Receivers(int subscribersFrom, int subscribersTo, int members, int publishers, EpochClock clock) {
      this.firstSubscriber = subscribersFrom;
      this.publishers = publishers;
      this.clock = clock;
      int subscribers = subscribersTo - subscribersFrom;
      plain = new SequenceTracker[subscribers][publishers];
      plainProbed = new boolean[subscribers][publishers];
      for (SequenceTracker[] row : plain) {
        for (int p = 0; p < publishers; p++) {
          row[p] = new SequenceTracker();
        }
      }
      int groups = members == 0 ? 0 : publishers;
      groupSeen = new BitSet[groups];
      groupCounts = new long[groups][3];
      groupProbedHere = new boolean[groups];
      lastPerMember = new long[groups][Math.max(1, members)];
      for (int p = 0; p < groups; p++) {
        groupSeen[p] = new BitSet();
        java.util.Arrays.fill(lastPerMember[p], -1);
      }
    }

    void plain(int globalSub, byte[] body, @Nullable PhaseMeter meter) {
      int sub = globalSub - firstSubscriber;
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
      received.increment();
      delivered(body, now, meter);
    }

    void queued(int member, byte[] body, @Nullable PhaseMeter meter) {
      if (!BrokerWire.valid(body)) {
        malformed.increment();
        return;
      }
      long now = System.nanoTime();
      int pub = BrokerWire.publisher(body);
      if (pub == BrokerWire.PROBE) {
        int from = (int) BrokerWire.sequence(body);
        boolean first = false;
        synchronized (groupProbedHere) {
          if (from >= 0 && from < groupProbedHere.length && !groupProbedHere[from]) {
            groupProbedHere[from] = true;
            first = true;
          }
        }
        if (first) {
          groupProbedSomewhere(from);
          announce.accept(from);
        }
        return;
      }
      long seq = BrokerWire.sequence(body);
      if (pub < 0 || pub >= groupSeen.length || seq < 0 || seq > Integer.MAX_VALUE) {
        malformed.increment();
        return;
      }
      synchronized (groupSeen[pub]) {
        groupCounts[pub][0]++;
        if (groupSeen[pub].get((int) seq)) {
          groupCounts[pub][1]++;
        } else {
          groupSeen[pub].set((int) seq);
        }
        if (seq < lastPerMember[pub][member]) {
          groupCounts[pub][2]++;
        }
        lastPerMember[pub][member] = Math.max(lastPerMember[pub][member], seq);
      }
      received.increment();
      delivered(body, now, meter);
    }

    private void delivered(byte[] body, long now, @Nullable PhaseMeter meter) {
      if (meter != null) {
        long intended = clock.nanoTime(BrokerWire.intended(body));
        meter.record("delivery", intended, Math.max(1, now - intended));
      }
    }

    void groupProbedSomewhere(int publisher) {
      groupProbedAnywhere.put(publisher, Boolean.TRUE);
    }

    boolean allProbed(boolean groupExists) {
      synchronized (plainProbed) {
        for (boolean[] row : plainProbed) {
          for (boolean b : row) {
            if (!b) {
              return false;
            }
          }
        }
      }
      if (groupExists) {
        for (int p = 0; p < publishers; p++) {
          if (!groupProbedAnywhere.containsKey(p)) {
            return false;
          }
        }
      }
      return true;
    }

    void awaitQuiet(Duration max) {
      long deadline = System.nanoTime() + max.toNanos();
      long before = -1;
      while (System.nanoTime() < deadline) {
        long now = received.sum();
        if (now == before) {
          return;
        }
        before = now;
        LockSupport.parkNanos(300_000_000L);
      }
    }

    BrokerTally tally(Map<Integer, Long> last) {
      List<BrokerTally.Plain> plains = new ArrayList<>();
      for (int s = 0; s < plain.length; s++) {
        for (int p = 0; p < plain[s].length; p++) {
          SequenceTracker t = plain[s][p];
          synchronized (t) {
            plains.add(new BrokerTally.Plain(firstSubscriber + s, p, t.received(), t.duplicated(), t.reordered()));
          }
        }
      }
      List<BrokerTally.Group> groups = new ArrayList<>();
      for (int p = 0; p < groupSeen.length; p++) {
        synchronized (groupSeen[p]) {
          groups.add(new BrokerTally.Group(p, Base64.getEncoder().encodeToString(groupSeen[p].toByteArray()),
              groupCounts[p][0], groupCounts[p][1], groupCounts[p][2]));
        }
      }
      return new BrokerTally(last, plains, groups, malformed.sum());
    }
  }
}
