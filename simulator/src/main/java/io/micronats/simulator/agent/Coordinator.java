package io.micronats.simulator.agent;

import io.micronats.nats.connection.NatsConnections;
import io.micronats.nats.connection.NatsSettings;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator of a distributed run: accepts agents on the run's join subject, assigns each its
 * share of a {@link RunPlan}, and merges their reports into one {@link MergedResult}.
 *
 * <p>Thread-safe: joins and reports arrive on a jnats dispatcher thread and are kept under the
 * coordinator's lock; the waiting methods poll with deadlines. The constructor does no I/O;
 * {@link #open()} connects and subscribes; {@link #close()} releases the connection, idempotent.
 */
public final class Coordinator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Coordinator.class);

  private final PluginConfig config;
  private final AgentSubjects subjects;
  private final Object lock = new Object();
  private final Map<String, JoinRequest> joined = new LinkedHashMap<>();
  private final Map<String, AgentReport> reports = new LinkedHashMap<>();
  private final List<Assignment> assigned = new ArrayList<>();
  private long badMessages;
  private Connection connection;
  private boolean closed;

  /** A coordinator of run {@code run}, connecting with {@code config}. */
  public Coordinator(PluginConfig config, String run) {
    this.config = Objects.requireNonNull(config, "config");
    this.subjects = new AgentSubjects(run);
  }

  /** The run's subjects. */
  public AgentSubjects subjects() {
    return subjects;
  }

  /** Connects and starts accepting joins and reports. */
  public void open() {
    synchronized (lock) {
      if (connection != null || closed) {
        throw new IllegalStateException("a Coordinator opens once");
      }
      connection = NatsConnections.acquire(NatsSettings.from(config.with(NatsSettings.SHARED, "false")
          .with(NatsSettings.NAME, "coordinator-" + subjects.run())));
    }
    Dispatcher d = connection.createDispatcher(this::onMessage);
    d.subscribe(subjects.join());
    d.subscribe(subjects.report());
    try {
      connection.flush(Duration.ofSeconds(5));
    } catch (Exception e) {
      throw new IllegalStateException("coordinator cannot reach NATS: " + e.getMessage(), e);
    }
  }

  private void onMessage(Message m) {
    try {
      if (m.getSubject().equals(subjects.join())) {
        JoinRequest j = AgentJson.read(m.getData(), JoinRequest.class);
        synchronized (lock) {
          joined.putIfAbsent(j.agent(), j);
        }
        if (m.getReplyTo() != null) {
          connection.publish(m.getReplyTo(), "welcome".getBytes(StandardCharsets.UTF_8));
        }
      } else {
        AgentReport r = AgentJson.read(m.getData(), AgentReport.class);
        synchronized (lock) {
          if (r.run().equals(subjects.run())) {
            reports.put(r.agent(), r);
          }
        }
      }
    } catch (IllegalArgumentException e) {
      LOG.warn("coordinator ignores a bad message on {}: {}", m.getSubject(), e.getMessage());
      synchronized (lock) {
        badMessages++;
      }
    }
  }

  /** Messages that could not be decoded, ignored. */
  public long badMessages() {
    synchronized (lock) {
      return badMessages;
    }
  }

  /**
   * Waits until {@code count} agents have joined.
   *
   * @return the first {@code count} agents, in the order they joined
   * @throws IllegalStateException naming who joined when the timeout passes
   */
  public List<JoinRequest> awaitAgents(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      synchronized (lock) {
        if (joined.size() >= count) {
          return List.copyOf(joined.values()).subList(0, count);
        }
        if (System.nanoTime() >= deadline) {
          throw new IllegalStateException("only " + joined.size() + " of " + count + " agents joined run "
              + subjects.run() + " within " + timeout + ": " + joined.keySet());
        }
      }
      Thread.sleep(50);
    }
  }

  /**
   * Splits {@code plan} among {@code agents} and sends each its assignment, waiting for each
   * acknowledgement.
   *
   * @throws IllegalStateException when an agent does not acknowledge within 5 s
   */
  public List<Assignment> assign(List<JoinRequest> agents, RunPlan plan) throws InterruptedException {
    int n = agents.size();
    long startAt = System.currentTimeMillis() + plan.startDelay().toMillis();
    List<Assignment> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Assignment(subjects.run(), agents.get(i).agent(), i, n,
          Shares.from(plan.totalServices(), n, i), Shares.to(plan.totalServices(), n, i), plan.totalServices(),
          plan.totalRatePerSecond() / n, startAt, plan.duration().toMillis(), plan.settings()));
    }
    for (Assignment a : out) {
      try {
        connection.requestWithTimeout(subjects.assign(a.agent()), AgentJson.write(a), Duration.ofSeconds(5))
            .get(6, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("agent " + a.agent() + " did not acknowledge its assignment: " + e, e);
      }
    }
    synchronized (lock) {
      assigned.addAll(out);
    }
    LOG.info("coordinator assigned run {} to {} agents", subjects.run(), n);
    return out;
  }

  /**
   * Waits for the report of every assigned agent and merges them.
   *
   * @throws IllegalStateException naming the agents that did not report in time, or that
   *     reported an error
   */
  public MergedResult collect(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      synchronized (lock) {
        List<String> missing = new ArrayList<>();
        for (Assignment a : assigned) {
          if (!reports.containsKey(a.agent())) {
            missing.add(a.agent());
          }
        }
        if (missing.isEmpty()) {
          List<String> failed = new ArrayList<>();
          List<AgentReport> mine = new ArrayList<>();
          for (Assignment a : assigned) {
            AgentReport r = reports.get(a.agent());
            mine.add(r);
            if (!r.error().isEmpty()) {
              failed.add(a.agent() + ": " + r.error());
            }
          }
          if (!failed.isEmpty()) {
            throw new IllegalStateException("agents failed their share: " + failed);
          }
          return MergedResult.of(mine);
        }
        if (System.nanoTime() >= deadline) {
          throw new IllegalStateException("agents " + missing + " did not report within " + timeout);
        }
      }
      Thread.sleep(50);
    }
  }

  /** Releases the connection; idempotent. */
  @Override
  public void close() {
    Connection c;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      c = connection;
    }
    if (c != null) {
      NatsConnections.release(c);
    }
  }
}
