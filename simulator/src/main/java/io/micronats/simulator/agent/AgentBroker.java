package io.micronats.simulator.agent;

import io.micronats.simulator.load.OpenLoopPacer;
import io.micronats.simulator.load.PacerStats;
import io.micronats.simulator.measure.PhaseMeter;
import io.micronats.simulator.measure.SequenceTracker;
import io.micronats.simulator.scenario.BrokerSpec;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.workload.BrokerParticipants;
import io.micronats.simulator.workload.BrokerPhases;
import io.micronats.simulator.workload.BrokerPublishers;
import io.micronats.simulator.workload.BrokerReceptions;
import io.micronats.simulator.workload.BrokerWire;
import io.micronats.simulator.workload.ClientConfigs;
import io.micronats.simulator.workload.Load;
import io.micronats.simulator.workload.PhaseRecord;
import io.micronats.simulator.workload.PhaseRunner;
import io.micronats.spi.broker.Broker;
import io.nats.client.Dispatcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

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
    Receivers rx = new Receivers(share.subscribersFrom(), share.subscribersTo(), share.membersTo() - share.membersFrom(),
        total, clock);
    Dispatcher groupProbes = link.connection().createDispatcher(m -> rx.groupProbedSomewhere(
        Integer.parseInt(new String(m.getData(), StandardCharsets.UTF_8))));
    groupProbes.subscribe(link.subjects().groupProbed());
    rx.announce = p -> link.connection().publish(link.subjects().groupProbed(),
        Integer.toString(p).getBytes(StandardCharsets.UTF_8));
    try (BrokerParticipants participants = new BrokerParticipants(scenario, configs)) {
      Map<Integer, Broker> publishers = participants.publishers(share.publishersFrom(), share.publishersTo());
      AtomicReference<@Nullable PhaseMeter> meter = new AtomicReference<>();
      participants.subscribe(spec.subscribers(), share.subscribersFrom(), share.subscribersTo(), share.membersFrom(),
          share.membersTo(), (sub, body) -> rx.plain(sub, body, meter.get()),
          (member, body) -> rx.queued(member, body, meter.get()));
      long gateMillis = gate(publishers, rx, spec);
      Map<Integer, Long> last = new ConcurrentHashMap<>();
      publishers.keySet().forEach(p -> last.put(p, -1L));
      Load load = (start, end, m) -> {
        meter.set(m);
        PacerStats stats = BrokerPublishers.run(publishers, spec.ratePerPublisher(), spec.payloadBytes(), start, end, m,
            new WallClockSends(clock, last), stuck -> {
              throw new IllegalStateException("publisher thread " + stuck.getName() + " did not finish in time");
            });
        OpenLoopPacer.parkUntil(end + spec.phases().cooldown().toNanos());
        return stats;
      };
      PhaseRecord r = BrokerPhases.run(runner, spec, publishers.size(), "lost/duplicated/reordered over the whole run,"
          + " by publisher id and sequence across agents; latency from intended send time (wall clock) in the window",
          load);
      link.barrier("broker-published", "broker-published");
      rx.receptions.awaitQuiet(Duration.ofSeconds(2));
      PhaseRecord record = BrokerPhases.completed(r, Map.of("interestGateMillis", gateMillis));
      return new Measured(record, rx.tally(last));
    } finally {
      link.connection().closeDispatcher(groupProbes);
    }
  }

  /**
   * Probes until this agent's receivers saw every publisher, then says so and goes on probing
   * (for the other agents' receivers) until every agent did.
   */
  private long gate(Map<Integer, Broker> publishers, Receivers rx, BrokerSpec spec) throws InterruptedException {
    long[] step = {-1};
    return BrokerParticipants.awaitInterest(publishers, spec.payloadBytes(), GATE, 100_000, () -> {
      if (step[0] >= 0 && link.released(step[0])) {
        return true;
      }
      link.check();
      if (step[0] < 0 && rx.allProbed(spec.queueGroupMembers() > 0)) {
        step[0] = link.ready("broker-interest", "broker-interest");
      }
      return false;
    }, () -> "broker: " + (step[0] < 0 ? "this agent's subscribers did not see every publisher's probes"
        : "the other agents' subscribers did not see every publisher's probes"));
  }

  /** Sends with the intended time on the wall clock, so that another JVM can measure delivery. */
  private record WallClockSends(EpochClock clock, Map<Integer, Long> last) implements BrokerPublishers.Sends {
    @Override
    public long wireTime(long intendedNanos) {
      return clock.epochNanos(intendedNanos);
    }

    @Override
    public void attempted(int publisher, long sequence) {
      last.put(publisher, sequence);
    }
  }

  /**
   * This agent's receivers' accounting: the plain subscribers' in {@link BrokerReceptions}, the
   * group's here as seen sequences (merged across agents by the coordinator). Thread-safe
   * (per-tracker locks).
   */
  private static final class Receivers {
    private final BrokerReceptions receptions;
    private final BitSet[] groupSeen;
    private final long[][] groupCounts;
    private final long[][] lastPerMember;
    private final boolean[] groupProbedHere;
    private final Map<Integer, Boolean> groupProbedAnywhere = new ConcurrentHashMap<>();
    private final EpochClock clock;
    private final int publishers;
    volatile java.util.function.IntConsumer announce = p -> { };

    Receivers(int subscribersFrom, int subscribersTo, int members, int publishers, EpochClock clock) {
      this.publishers = publishers;
      this.clock = clock;
      receptions = new BrokerReceptions(subscribersFrom, subscribersTo - subscribersFrom, publishers);
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
      long now = System.nanoTime();
      if (receptions.plain(globalSub, body) >= 0) {
        delivered(body, now, meter);
      }
    }

    void queued(int member, byte[] body, @Nullable PhaseMeter meter) {
      long now = System.nanoTime();
      int pub = receptions.groupPublisher(body, groupSeen.length, this::probedHere);
      if (pub < 0) {
        return;
      }
      long seq = BrokerWire.sequence(body);
      if (seq < 0 || seq > Integer.MAX_VALUE) {
        receptions.countMalformed();
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
      receptions.countReceived();
      delivered(body, now, meter);
    }

    /** A local member saw {@code from}'s probe: the first time, the other agents are told. */
    private void probedHere(int from) {
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
      if (!receptions.allPlainProbed()) {
        return false;
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

    BrokerTally tally(Map<Integer, Long> last) {
      List<BrokerTally.Plain> plains = new ArrayList<>();
      for (int s = 0; s < receptions.subscribers(); s++) {
        for (int p = 0; p < receptions.publishers(); p++) {
          SequenceTracker t = receptions.tracker(s, p);
          synchronized (t) {
            plains.add(new BrokerTally.Plain(receptions.firstSubscriber() + s, p, t.received(), t.duplicated(),
                t.reordered()));
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
      return new BrokerTally(last, plains, groups, receptions.malformed());
    }
  }
}
