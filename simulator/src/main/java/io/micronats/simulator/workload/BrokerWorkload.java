package io.micronats.simulator.workload;

import io.micronats.simulator.measure.PhaseMeter;
import io.micronats.simulator.measure.QueueGroupTracker;
import io.micronats.simulator.measure.SequenceTracker;
import io.micronats.simulator.scenario.BrokerSpec;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.spi.broker.Broker;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

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
  private static final Duration GATE = Duration.ofSeconds(15);

  private final Scenario scenario;
  private final PhaseRunner runner;
  private final ClientConfigs configs;
  private final @Nullable DeliveryObserver ledger;
  private final @Nullable SeriesObserver timeline;

  /** The series deliveries are reported in. */
  public static final String DELIVERY_SERIES = "broker.delivery";

  /** A workload for {@code scenario} without fault accounting. */
  public BrokerWorkload(Scenario scenario, PhaseRunner runner, ClientConfigs configs) {
    this(scenario, runner, configs, FaultObservers.NONE);
  }

  /**
   * A workload for {@code scenario} that also tells {@code observers.deliveries()} about every
   * message (publisher {@code pub<i>}, targets {@code sub<i>} and {@code group}), with times, so that
   * loss can be attributed to faults, and {@code observers.series()} about every delivery as an
   * operation of {@link #DELIVERY_SERIES} (end-to-end latency from the intended send time), so that a
   * fault's "back to baseline" waits for deliveries to flow again, not only for publishes to succeed.
   */
  public BrokerWorkload(Scenario scenario, PhaseRunner runner, ClientConfigs configs, FaultObservers observers) {
    this.scenario = scenario;
    this.runner = runner;
    this.configs = configs;
    this.ledger = observers.deliveries();
    this.timeline = observers.series();
  }

  /** Runs the broker phase. */
  public PhaseRecord run() throws Exception {
    BrokerSpec spec = scenario.workloads().broker();
    try (BrokerParticipants participants = new BrokerParticipants(scenario, configs)) {
      Map<Integer, Broker> publishers = participants.publishers(0, spec.publishers());
      Receivers receivers = new Receivers(spec.subscribers(), spec.queueGroupMembers(), spec.publishers(), ledger);
      SeriesObserver faultTimeline = timeline;
      AtomicReference<@Nullable PhaseMeter> meterRef = new AtomicReference<>();
      participants.subscribe(spec.subscribers(), 0, spec.subscribers(), 0, spec.queueGroupMembers(),
          (sub, body) -> receivers.plain(sub, body, meterRef.get()),
          (member, body) -> receivers.queued(member, body, meterRef.get()));
      long gateMillis = BrokerParticipants.awaitInterest(publishers, spec.payloadBytes(), GATE, 10_000,
          receivers::allProbed, () -> "broker subscribers did not see the publishers' probes");
      long[] lastSequence = new long[spec.publishers()];
      Arrays.fill(lastSequence, -1);
      Load load = (start, end, meter) -> {
        if (faultTimeline != null) {
          faultTimeline.seriesStarts(DELIVERY_SERIES, meter.windowStart());
          receivers.timeline = faultTimeline;
        }
        meterRef.set(meter);
        return BrokerPublishers.run(publishers, spec.ratePerPublisher(), spec.payloadBytes(), start, end, meter,
            new LedgerSends(lastSequence, ledger), stuck -> { });
      };
      PhaseRecord r = BrokerPhases.run(runner, spec, spec.publishers(),
          "lost/duplicated/reordered over the whole run; latency from intended send time in the window", load);
      receivers.awaitQuiet(spec.phases().cooldown().plusSeconds(2));
      Map<String, Long> counts = receivers.account(lastSequence);
      counts.put("interestGateMillis", gateMillis);
      return BrokerPhases.completed(r, counts);
    }
  }

  /** Sends with the intended time as written, remembering each publisher's last sequence and telling the ledger. */
  private static final class LedgerSends implements BrokerPublishers.Sends {
    /** Shared with the caller, which reads it after the phase: a class, not a record, since it is mutable. */
    private final long[] lastSequence;
    private final @Nullable DeliveryObserver ledger;

    LedgerSends(long[] lastSequence, @Nullable DeliveryObserver ledger) {
      this.lastSequence = lastSequence;
      this.ledger = ledger;
    }

    @Override
    public long wireTime(long intendedNanos) {
      return intendedNanos;
    }

    @Override
    public void sending(int publisher, long sequence, long intendedNanos) {
      if (ledger != null) {
        ledger.sent("pub" + publisher, sequence, intendedNanos);
      }
    }

    @Override
    public void rejected(int publisher, long sequence) {
      if (ledger != null) {
        ledger.rejected("pub" + publisher, sequence, System.nanoTime());
      }
    }

    @Override
    public void attempted(int publisher, long sequence) {
      lastSequence[publisher] = sequence;
    }
  }

  /** Sequence accounting of every receiver. Thread-safe (per-receiver locks). */
  private static final class Receivers {
    private final BrokerReceptions receptions;
    private final QueueGroupTracker[] group;
    private final boolean[] groupProbed;
    private final @Nullable DeliveryObserver ledger;
    volatile @Nullable SeriesObserver timeline;

    Receivers(int subscribers, int members, int publishers,
        @Nullable DeliveryObserver ledger) {
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
      receptions = new BrokerReceptions(0, subscribers, publishers);
      group = new QueueGroupTracker[members == 0 ? 0 : publishers];
      groupProbed = new boolean[group.length];
      for (int p = 0; p < group.length; p++) {
        group[p] = new QueueGroupTracker(members);
      }
    }

    void plain(int sub, byte[] body, @Nullable PhaseMeter meter) {
      long now = System.nanoTime();
      int pub = receptions.plain(sub, body);
      if (pub < 0) {
        return;
      }
      if (ledger != null) {
        ledger.received("sub" + sub, "pub" + pub, BrokerWire.sequence(body), now);
      }
      delivered(body, now, meter);
    }

    void queued(int member, byte[] body, @Nullable PhaseMeter meter) {
      long now = System.nanoTime();
      int pub = receptions.groupPublisher(body, group.length, this::probed);
      if (pub < 0) {
        return;
      }
      group[pub].receive(member, BrokerWire.sequence(body));
      if (ledger != null) {
        ledger.received("group", "pub" + pub, BrokerWire.sequence(body), now);
      }
      receptions.countReceived();
      delivered(body, now, meter);
    }

    private void probed(int from) {
      synchronized (groupProbed) {
        if (from >= 0 && from < groupProbed.length) {
          groupProbed[from] = true;
        }
      }
    }

    /** Records the delivery's latency from its intended send time, in the meter and the fault timeline. */
    private void delivered(byte[] body, long now, @Nullable PhaseMeter meter) {
      if (meter != null) {
        long intended = BrokerWire.intended(body);
        meter.record("delivery", intended, now - intended);
        SeriesObserver t = timeline;
        if (t != null) {
          t.completed(DELIVERY_SERIES, intended, now, true);
        }
      }
    }

    boolean allProbed() {
      if (!receptions.allPlainProbed()) {
        return false;
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
      receptions.awaitQuiet(max);
    }

    Map<String, Long> account(long[] lastSequence) {
      Map<String, Long> counts = new LinkedHashMap<>();
      BrokerCounts named = new BrokerCounts(counts);
      for (int s = 0; s < receptions.subscribers(); s++) {
        long sLost = 0;
        long sDup = 0;
        long sRe = 0;
        for (int p = 0; p < receptions.publishers(); p++) {
          SequenceTracker t = receptions.tracker(s, p);
          synchronized (t) {
            t.expectUpTo(lastSequence[p]);
            sLost += t.lost();
            sDup += t.duplicated();
            sRe += t.reordered();
          }
        }
        named.receiver("sub" + s, sLost, sDup, sRe);
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
        named.receiver("group", gLost, gDup, gRe);
      }
      named.totals();
      counts.put("received", receptions.received());
      counts.put("malformed", receptions.malformed());
      return counts;
    }
  }
}
