package io.micronats.simulator.agent;

import io.micronats.nats.connection.NatsConnections;
import io.micronats.nats.connection.NatsSettings;
import io.micronats.simulator.scenario.BrokerSpec;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator of a distributed run: accepts agents on the run's join subject, assigns each its
 * share of the scenario ({@link Assignment}), runs the start barrier (when every agent announced
 * step k, it publishes a go with a common start time a little ahead), watches the agents'
 * heartbeats, and collects their reports.
 *
 * <p>Every wait is bounded and ends in an {@link IllegalStateException} naming the agents at
 * fault: an agent silent for longer than the silence budget (dead, or cut off), an agent that
 * reports a failure, agents that do not reach a step within the barrier timeout, or agents that
 * disagree on what a step is. The coordinator then publishes an abort so that the other agents
 * stop at their next wait.
 *
 * <p>Thread-safe: joins, readies, heartbeats and reports arrive on a jnats dispatcher thread and
 * are kept under the coordinator's lock; the waiting methods poll with deadlines. The constructor
 * does no I/O; {@link #open()} connects, subscribes and starts the coordinator's heartbeat;
 * {@link #close()} stops it and releases the connection, idempotent.
 */
public final class Coordinator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Coordinator.class);
  private static final long GO_AHEAD_MILLIS = 300;

  private final PluginConfig config;
  private final AgentSubjects subjects;
  private final Object lock = new Object();
  private final Map<String, JoinRequest> joined = new LinkedHashMap<>();
  private final Map<String, AgentReport> reports = new LinkedHashMap<>();
  private final Map<String, Long> seenNanos = new HashMap<>();
  private final Map<String, Signals.Beat> lastBeat = new HashMap<>();
  private final Map<Long, Map<String, Signals.Ready>> readies = new TreeMap<>();
  private final List<Assignment> assigned = new ArrayList<>();
  private Duration silence = Duration.ofSeconds(10);
  private Duration barrierTimeout = Duration.ofMinutes(10);
  private java.util.function.Consumer<String> progress = line -> { };
  private long badMessages;
  private @Nullable Connection connection;
  private @Nullable Thread beats;
  private volatile boolean closed;
  private boolean finished;

  /** A coordinator of run {@code run}, connecting with {@code config}. */
  public Coordinator(PluginConfig config, String run) {
    this.config = Objects.requireNonNull(config, "config");
    this.subjects = new AgentSubjects(run);
  }

  /**
   * Sets how long an agent may stay silent (no heartbeat; agents beat every 500 ms) before the run
   * fails naming it (default 10 s), and how long agents may take to reach each step (default
   * 10 min). Call before {@link #assign}.
   */
  public Coordinator timeouts(Duration newSilence, Duration newBarrierTimeout) {
    this.silence = Objects.requireNonNull(newSilence, "silence");
    this.barrierTimeout = Objects.requireNonNull(newBarrierTimeout, "barrierTimeout");
    return this;
  }

  /** Sets where the coordinator says which step every agent starts (one line per step). */
  public Coordinator progress(java.util.function.Consumer<String> lines) {
    this.progress = Objects.requireNonNull(lines, "lines");
    return this;
  }

  /** The run's subjects. */
  public AgentSubjects subjects() {
    return subjects;
  }

  /** Connects and starts accepting joins, readies, heartbeats and reports. */
  public void open() {
    Connection c;
    synchronized (lock) {
      if (connection != null || closed) {
        throw new IllegalStateException("a Coordinator opens once");
      }
      c = NatsConnections.acquire(NatsSettings.from(config.with(NatsSettings.SHARED, "false")
          .with(NatsSettings.NAME, "coordinator-" + subjects.run())));
      connection = c;
    }
    Dispatcher d = c.createDispatcher(this::onMessage);
    d.subscribe(subjects.join());
    d.subscribe(subjects.ready());
    d.subscribe(subjects.heartbeat());
    d.subscribe(subjects.report());
    try {
      c.flush(Duration.ofSeconds(5));
    } catch (Exception e) {
      throw new IllegalStateException("coordinator cannot reach NATS: " + e.getMessage(), e);
    }
    beats = Heartbeats.start("coordinator-heartbeat", () -> {
      while (!closed) {
        try {
          c.publish(subjects.coordinator(), AgentJson.write(new Signals.Beat("coordinator", -1, "coordinating")));
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          LOG.debug("coordinator heartbeat failed: {}", e.toString());
        }
      }
    });
  }

  private void onMessage(Message m) {
    try {
      String subject = m.getSubject();
      if (subject.equals(subjects.join())) {
        JoinRequest j = AgentJson.read(m.getData(), JoinRequest.class);
        synchronized (lock) {
          joined.putIfAbsent(j.agent(), j);
        }
        if (m.getReplyTo() != null) {
          m.getConnection().publish(m.getReplyTo(), "welcome".getBytes(StandardCharsets.UTF_8));
        }
      } else if (subject.equals(subjects.heartbeat())) {
        Signals.Beat b = AgentJson.read(m.getData(), Signals.Beat.class);
        synchronized (lock) {
          seenNanos.put(b.sender(), System.nanoTime());
          lastBeat.put(b.sender(), b);
        }
      } else if (subject.equals(subjects.ready())) {
        Signals.Ready r = AgentJson.read(m.getData(), Signals.Ready.class);
        synchronized (lock) {
          seenNanos.put(r.agent(), System.nanoTime());
          readies.computeIfAbsent(r.step(), k -> new LinkedHashMap<>()).put(r.agent(), r);
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
   * Splits scenario {@code whole} among {@code agents} and sends each its assignment, waiting
   * for each acknowledgement.
   *
   * @throws IllegalStateException when an agent does not acknowledge within 5 s
   */
  public List<Assignment> assign(List<JoinRequest> agents, Scenario whole) throws InterruptedException {
    int n = agents.size();
    String scenario = ScenarioCodec.write(whole);
    BrokerSpec b = whole.workloads().broker();
    int services = whole.fleet().services();
    Map<String, String> settings = Map.of("barrierTimeoutMillis", Long.toString(barrierTimeout.toMillis()),
        "silenceMillis", Long.toString(silence.toMillis()));
    List<Assignment> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Assignment.builder().run(subjects.run()).agent(agents.get(i).agent()).index(i).agents(n)
          .namespace("sim-" + subjects.run())
          .servicesFrom(Shares.from(services, n, i)).servicesTo(Shares.to(services, n, i)).totalServices(services)
          .publishersFrom(Shares.from(b.publishers(), n, i)).publishersTo(Shares.to(b.publishers(), n, i))
          .subscribersFrom(Shares.from(b.subscribers(), n, i)).subscribersTo(Shares.to(b.subscribers(), n, i))
          .membersFrom(Shares.from(b.queueGroupMembers(), n, i)).membersTo(Shares.to(b.queueGroupMembers(), n, i))
          .scenario(scenario).settings(settings).build());
    }
    Connection c = Objects.requireNonNull(connection, "open() first");
    for (Assignment a : out) {
      try {
        c.requestWithTimeout(subjects.assign(a.agent()), AgentJson.write(a), Duration.ofSeconds(5))
            .get(6, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        throw fail("agent " + a.agent() + " did not acknowledge its assignment: " + e);
      }
    }
    synchronized (lock) {
      long now = System.nanoTime();
      for (Assignment a : out) {
        seenNanos.put(a.agent(), now);
      }
      assigned.addAll(out);
    }
    LOG.info("coordinator assigned run {} to {} agents", subjects.run(), n);
    return out;
  }

  /**
   * Runs the start barrier until every assigned agent has reported, and returns the reports by
   * agent index.
   *
   * @param maxRun a bound on the whole run
   * @throws IllegalStateException naming the agents that failed, went silent, did not reach a
   *     step in time or disagreed on a step; the agents are told to abort
   */
  public List<AgentReport> serve(Duration maxRun) throws InterruptedException {
    long deadline = System.nanoTime() + maxRun.toNanos();
    long step = 0;
    long stepWaitingSince = System.nanoTime();
    while (true) {
      String failure = null;
      Signals.Go go = null;
      synchronized (lock) {
        List<String> failed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Assignment a : assigned) {
          AgentReport r = reports.get(a.agent());
          if (r == null) {
            missing.add(a.agent());
          } else if (!r.error().isEmpty()) {
            failed.add(a.agent() + ": " + r.error());
          }
        }
        if (!failed.isEmpty()) {
          failure = "agents failed their share of run " + subjects.run() + ": " + failed;
        } else if (missing.isEmpty()) {
          finished = true;
          List<AgentReport> mine = new ArrayList<>();
          assigned.forEach(a -> mine.add(reports.get(a.agent())));
          mine.sort(Comparator.comparingInt(AgentReport::index));
          return mine;
        } else {
          failure = silent(missing);
        }
        if (failure == null) {
          Map<String, Signals.Ready> atStep = readies.getOrDefault(step, Map.of());
          if (atStep.size() >= assigned.size()) {
            List<String> kinds = atStep.values().stream().map(r -> r.workload()).distinct().toList();
            if (kinds.size() > 1) {
              failure = "agents disagree on step " + step + ": " + atStep.values().stream()
                  .map(r -> r.agent() + " at '" + r.name() + "' (" + r.workload() + ")").toList();
            } else {
              String name = atStep.values().iterator().next().name();
              go = new Signals.Go(step, name, System.currentTimeMillis() + GO_AHEAD_MILLIS);
            }
          } else if (!atStep.isEmpty() && System.nanoTime() - stepWaitingSince > barrierTimeout.toNanos()) {
            List<String> late = new ArrayList<>();
            assigned.forEach(a -> {
              if (!atStep.containsKey(a.agent())) {
                late.add(a.agent() + " (" + doing(a.agent()) + ")");
              }
            });
            failure = "agents " + late + " did not reach step " + step + " ('"
                + atStep.values().iterator().next().name() + "') within " + barrierTimeout;
          } else if (atStep.isEmpty()) {
            stepWaitingSince = System.nanoTime();
          }
        }
        if (failure == null && System.nanoTime() > deadline) {
          failure = "run " + subjects.run() + " did not end within " + maxRun + "; no report yet from " + missing;
        }
      }
      if (failure != null) {
        throw fail(failure);
      }
      if (go != null) {
        Objects.requireNonNull(connection).publish(subjects.go(), AgentJson.write(go));
        LOG.info("coordinator: go for step {} ({})", go.step(), go.name());
        progress.accept("step " + go.step() + ": every agent starts " + go.name());
        step++;
        stepWaitingSince = System.nanoTime();
        continue;
      }
      Thread.sleep(10);
    }
  }

  /** Under the lock: a failure naming the agents not heard of within the silence budget, or null. */
  private @Nullable String silent(List<String> missing) {
    List<String> quiet = new ArrayList<>();
    long now = System.nanoTime();
    for (String agent : missing) {
      long last = seenNanos.getOrDefault(agent, now);
      if (now - last > silence.toNanos()) {
        JoinRequest j = joined.get(agent);
        Assignment share = assigned.stream().filter(a -> a.agent().equals(agent)).findFirst().orElseThrow();
        quiet.add(agent + (j == null ? "" : " on " + j.host()) + " (no heartbeat for " + (now - last) / 1_000_000L
            + " ms; last " + doing(agent) + "; its share: " + share.describe() + ")");
      }
    }
    return quiet.isEmpty() ? null : "agent(s) went silent, dead or cut off: " + quiet;
  }

  private String doing(String agent) {
    Signals.Beat b = lastBeat.get(agent);
    return b == null ? "no heartbeat received" : b.doing();
  }

  /** Tells the agents to abort and returns the exception to throw. */
  private IllegalStateException fail(String reason) {
    LOG.warn("coordinator of run {} gives up: {}", subjects.run(), reason);
    Connection c = connection;
    if (c != null) {
      try {
        c.publish(subjects.abort(), AgentJson.write(new Signals.Abort(reason)));
        c.flush(Duration.ofSeconds(2));
      } catch (Exception e) {
        LOG.debug("abort not sent: {}", e.toString());
      }
    }
    synchronized (lock) {
      finished = true;
    }
    return new IllegalStateException(reason);
  }

  /** Releases the connection (telling agents to abort when the run did not finish); idempotent. */
  @Override
  public void close() {
    Connection c;
    boolean abort;
    synchronized (lock) {
      if (closed) {
        return;
      }
      abort = !finished && !assigned.isEmpty();
      c = connection;
    }
    if (abort) {
      fail("the coordinator closed before the run finished");
    }
    closed = true;
    Heartbeats.stop(beats);
    if (c != null) {
      NatsConnections.release(c);
    }
  }
}
