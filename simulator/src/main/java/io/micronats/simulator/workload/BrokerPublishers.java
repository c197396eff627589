package io.micronats.simulator.workload;

import io.micronats.simulator.load.OpenLoopPacer;
import io.micronats.simulator.load.Outcomes;
import io.micronats.simulator.load.PacerStats;
import io.micronats.simulator.measure.Outcome;
import io.micronats.simulator.measure.PhaseMeter;
import io.micronats.spi.Message;
import io.micronats.spi.broker.Broker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The open-loop publisher threads of a broker phase: each publisher sends sequence-numbered
 * messages ({@link BrokerWire}) to {@link BrokerParticipants#TOPIC} at a fixed rate on its own
 * thread, and every send is completed in the phase meter from its intended time. Stateless.
 */
public final class BrokerPublishers {
  private BrokerPublishers() {}

  /** What a publisher does around each send; called on that publisher's thread. */
  public interface Sends {
    /** The send time written into the message, from the intended {@link System#nanoTime()}. */
    long wireTime(long intendedNanos);

    /** Sequence {@code sequence} of {@code publisher} is about to be sent. */
    default void sending(int publisher, long sequence, long intendedNanos) {}

    /** The broker refused the send. */
    default void rejected(int publisher, long sequence) {}

    /** Sequence {@code sequence} was the publisher's last attempt so far (sent or not). */
    void attempted(int publisher, long sequence);
  }

  /**
   * Runs the publishers (by global id) from {@code start} until {@code end} ({@code System.nanoTime()}
   * values) at {@code ratePerPublisher} each. A thread still running 10 s after the end is
   * interrupted and handed to {@code onStuck} (which may throw).
   *
   * @throws InterruptedException when a publisher was interrupted while waiting to send
   */
  public static PacerStats run(Map<Integer, Broker> publishers, double ratePerPublisher, int payloadBytes, long start,
      long end, PhaseMeter meter, Sends sends, Consumer<Thread> onStuck) throws InterruptedException {
    double period = 1e9 / ratePerPublisher;
    LongAdder scheduled = new LongAdder();
    LongAdder late = new LongAdder();
    AtomicBoolean interrupted = new AtomicBoolean();
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
            sends.sending(id, k, intended);
            try {
              broker.publish(BrokerParticipants.TOPIC,
                  Message.of(BrokerWire.encode(id, k, sends.wireTime(intended), payloadBytes)));
            } catch (RuntimeException ex) {
              outcome = Outcomes.classify(ex);
              sends.rejected(id, k);
            }
            sends.attempted(id, k);
            meter.complete(intended, System.nanoTime() - intended, outcome);
          }
        } catch (InterruptedException ex) {
          interrupted.set(true);
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
        onStuck.accept(t);
      }
    }
    if (interrupted.get()) {
      throw new InterruptedException("publishers interrupted");
    }
    return new PacerStats(scheduled.sum(), scheduled.sum(), late.sum(), 0, 0);
  }
}
