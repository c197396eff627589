package io.micronats.simulator.workload;

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
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of one broker phase: publishers, plain subscribers and queue-group members on
 * the broker topic, and the interest probes sent before measuring. Shared by
 * {@link BrokerWorkload} and its distributed counterpart, which own disjoint ranges of the same
 * participant numbering (so that names and node placement agree).
 *
 * <p>Used from one control thread; {@link #close()} unsubscribes and closes everything it
 * connected and is idempotent.
 */
public final class BrokerParticipants implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerParticipants.class);
  /** The topic every publisher sends to. */
  public static final String TOPIC = "sim.broker.load";
  /** The queue group every member joins. */
  public static final String GROUP = "sim-broker-group";

  /** Takes one received message body for the participant numbered {@code index}. */
  @FunctionalInterface
  public interface Receiver {
    /** Called on the broker's threads. */
    void receive(int index, byte[] body);
  }

  private final Scenario scenario;
  private final ClientConfigs configs;
  private final List<Broker> brokers = new ArrayList<>();
  private final List<Subscription> subscriptions = new ArrayList<>();

  /** Participants of {@code scenario}, placed by {@code configs}. */
  public BrokerParticipants(Scenario scenario, ClientConfigs configs) {
    this.scenario = scenario;
    this.configs = configs;
  }

  /** Connects the publishers numbered {@code from} to {@code to - 1}, by number, in order. */
  public Map<Integer, Broker> publishers(int from, int to) {
    Map<Integer, Broker> publishers = new LinkedHashMap<>();
    for (int p = from; p < to; p++) {
      publishers.put(p, connect(true, p, "sim-pub-" + p));
    }
    return publishers;
  }

  /**
   * Connects and subscribes the plain subscribers {@code subscribersFrom..subscribersTo-1}
   * (to {@code plain}, by global number) and the queue-group members
   * {@code membersFrom..membersTo-1} (to {@code queued}, numbered from 0 within this range);
   * members sit after all {@code allSubscribers} subscribers on the service nodes.
   */
  public void subscribe(int allSubscribers, int subscribersFrom, int subscribersTo, int membersFrom, int membersTo,
      Receiver plain, Receiver queued) {
    for (int s = subscribersFrom; s < subscribersTo; s++) {
      int sub = s;
      Broker b = connect(false, s, "sim-sub-" + s);
      subscriptions.add(b.subscribe(TOPIC, e -> plain.receive(sub, e.message().body())));
    }
    for (int q = membersFrom; q < membersTo; q++) {
      int member = q - membersFrom;
      Broker b = connect(false, allSubscribers + q, "sim-queue-" + q);
      subscriptions.add(b.subscribe(TOPIC, e -> queued.receive(member, e.message().body()),
          SubscribeOptions.defaults().withQueue(GROUP)));
    }
  }

  /**
   * Publishes a probe from every publisher every 20 ms until {@code interested} says the
   * receivers saw them (interest propagates between servers asynchronously), and returns the
   * milliseconds that took; after {@code max} or {@code maxRounds} rounds it fails with
   * {@code failure}'s text.
   */
  public static long awaitInterest(Map<Integer, Broker> publishers, int payloadBytes, Duration max, int maxRounds,
      BooleanSupplier interested, Supplier<String> failure) throws InterruptedException {
    long begin = System.nanoTime();
    long deadline = begin + max.toNanos();
    for (int rounds = 0; !interested.getAsBoolean(); rounds++) {
      if (System.nanoTime() > deadline || rounds > maxRounds) {
        throw new IllegalStateException(failure.get() + " within " + max.toSeconds() + "s: interest did not propagate");
      }
      for (Map.Entry<Integer, Broker> p : publishers.entrySet()) {
        p.getValue().publish(TOPIC, Message.of(BrokerWire.encode(BrokerWire.PROBE, p.getKey(), 0, payloadBytes)));
      }
      LockSupport.parkNanos(20_000_000L);
      if (Thread.interrupted()) {
        throw new InterruptedException("interest gate interrupted");
      }
    }
    return (System.nanoTime() - begin) / 1_000_000L;
  }

  private Broker connect(boolean client, int index, String name) {
    Broker b = Plugins.broker(scenario.implementation(), configs.config(client, index, name));
    brokers.add(b);
    b.connect();
    return b;
  }

  @Override
  public void close() {
    for (Subscription s : subscriptions) {
      try {
        s.unsubscribe();
      } catch (RuntimeException e) {
        LOG.debug("unsubscribe failed: {}", e.toString());
      }
    }
    subscriptions.clear();
    brokers.forEach(Broker::close);
    brokers.clear();
  }
}
