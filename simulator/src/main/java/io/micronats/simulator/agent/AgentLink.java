package io.micronats.simulator.agent;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's side of the control plane once it has its {@link Assignment}: the start barrier
 * (announce a step with {@link Signals.Ready}, wait for the coordinator's {@link Signals.Go}),
 * heartbeats every 500 ms, and the coordinator's liveness and {@link Signals.Abort}.
 *
 * <p>Every wait is bounded: by the barrier timeout, by the coordinator's silence (no heartbeat
 * for the silence budget) and by an abort; each ends in an {@link IllegalStateException} saying
 * which. Thread-safe: barrier calls come from the agent's control thread, signals arrive on a
 * jnats dispatcher thread, heartbeats go from a daemon thread. {@link #close()} stops the
 * heartbeats and the dispatcher; idempotent.
 */
final class AgentLink implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AgentLink.class);
  private static final long BEAT_MILLIS = 500;

  private final Connection connection;
  private final AgentSubjects subjects;
  private final String agent;
  private final Duration barrierTimeout;
  private final Duration silence;
  private final EpochClock clock;
  private final Map<Long, Signals.Go> gos = new ConcurrentHashMap<>();
  private final AtomicLong nextStep = new AtomicLong();
  private volatile long coordinatorSeenNanos = System.nanoTime();
  private volatile @Nullable String aborted;
  private volatile String doing = "starting";
  private volatile boolean closed;
  private @Nullable Dispatcher dispatcher;
  private @Nullable Thread beats;
  private @Nullable Thread control;

  AgentLink(Connection connection, AgentSubjects subjects, String agent, Duration barrierTimeout, Duration silence,
      EpochClock clock) {
    this.connection = connection;
    this.subjects = subjects;
    this.agent = agent;
    this.barrierTimeout = barrierTimeout;
    this.silence = silence;
    this.clock = clock;
  }

  /**
   * Subscribes to the coordinator's signals and starts the heartbeats. The calling thread is the
   * control thread: an abort, or the coordinator's silence, interrupts it, so that a running phase
   * stops at once (the workloads stop their workers when interrupted).
   */
  void start() throws InterruptedException {
    control = Thread.currentThread();
    Dispatcher d = connection.createDispatcher(this::onMessage);
    d.subscribe(subjects.go());
    d.subscribe(subjects.abort());
    d.subscribe(subjects.coordinator());
    dispatcher = d;
    try {
      connection.flush(Duration.ofSeconds(5));
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("agent " + agent + ": cannot subscribe to the run's signals: " + e, e);
    }
    beats = Heartbeats.start("agent-heartbeat-" + agent, this::beat);
  }

  private void onMessage(Message m) {
    try {
      if (m.getSubject().equals(subjects.go())) {
        Signals.Go go = AgentJson.read(m.getData(), Signals.Go.class);
        gos.put(go.step(), go);
      } else if (m.getSubject().equals(subjects.abort())) {
        stop(AgentJson.read(m.getData(), Signals.Abort.class).reason());
      } else {
        coordinatorSeenNanos = System.nanoTime();
      }
    } catch (IllegalArgumentException e) {
      LOG.warn("agent {} ignores a bad signal on {}: {}", agent, m.getSubject(), e.getMessage());
    }
  }

  private void stop(String reason) {
    if (aborted == null && !closed) {
      aborted = reason;
      LOG.warn("agent {} stops: {}", agent, reason);
      Thread t = control;
      if (t != null) {
        t.interrupt();
      }
    }
  }

  /** Why the run was stopped (abort or the coordinator's silence), or null. */
  @Nullable String stopped() {
    return aborted;
  }

  private void beat() {
    while (!closed) {
      long quietNanos = System.nanoTime() - coordinatorSeenNanos;
      if (quietNanos > silence.toNanos()) {
        stop("the coordinator of run " + subjects.run() + " went silent (no heartbeat for " + quietNanos / 1_000_000L
            + " ms)");
      }
      try {
        connection.publish(subjects.heartbeat(), AgentJson.write(new Signals.Beat(agent, nextStep.get() - 1, doing)));
      } catch (RuntimeException e) {
        LOG.debug("heartbeat of {} failed: {}", agent, e.toString());
      }
      try {
        Thread.sleep(BEAT_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Says what the agent is doing (in heartbeats, so that a coordinator's error can name it). */
  void doing(String what) {
    doing = what;
  }

  /**
   * Throws when the coordinator aborted the run or went silent.
   *
   * @throws IllegalStateException saying which
   */
  void check() {
    String reason = aborted;
    if (reason != null) {
      throw new IllegalStateException("agent " + agent + " stopped: " + reason);
    }
  }

  /** Announces the next step; returns its number. */
  long ready(String name, String workload) {
    long step = nextStep.getAndIncrement();
    doing = "waiting at step " + step + " (" + name + ")";
    connection.publish(subjects.ready(), AgentJson.write(new Signals.Ready(agent, step, name, workload)));
    return step;
  }

  /** True when the go of {@code step} has arrived. */
  boolean released(long step) {
    return gos.containsKey(step);
  }

  /**
   * Waits for the go of {@code step}.
   *
   * @throws IllegalStateException on abort, coordinator silence or after the barrier timeout
   */
  Signals.Go awaitGo(long step) throws InterruptedException {
    long deadline = System.nanoTime() + barrierTimeout.toNanos();
    while (true) {
      Signals.Go go = gos.get(step);
      if (go != null) {
        doing = "running step " + step + " (" + go.name() + ")";
        return go;
      }
      check();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("agent " + agent + ": no go for step " + step + " within " + barrierTimeout);
      }
      Thread.sleep(5);
    }
  }

  /** Announces a step and waits for its go. */
  Signals.Go barrier(String name, String workload) throws InterruptedException {
    return awaitGo(ready(name, workload));
  }

  /**
   * A {@link io.micronats.simulator.workload.PhaseRunner.StartGate}: announces the phase, waits
   * for the go and returns the common start in this JVM's {@code System.nanoTime()}; a go that
   * arrives late starts at once.
   */
  long awaitStart(String name, String workload) throws InterruptedException {
    Signals.Go go = barrier(name, workload);
    long start = clock.nanoTime(go.startAtEpochMillis() * 1_000_000L);
    return Math.max(start, System.nanoTime() + 1_000_000L);
  }

  /** Publishes the final report. */
  void report(AgentReport report) throws InterruptedException {
    connection.publish(subjects.report(), AgentJson.write(report));
    try {
      connection.flush(Duration.ofSeconds(5));
    } catch (java.util.concurrent.TimeoutException e) {
      LOG.warn("agent {}: flushing the report timed out", agent);
    }
  }

  /** The control connection (for the broker's group probes). */
  Connection connection() {
    return connection;
  }

  /** The run's subjects. */
  AgentSubjects subjects() {
    return subjects;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    control = null;
    Heartbeats.stop(beats);
    Dispatcher d = dispatcher;
    if (d != null) {
      try {
        connection.closeDispatcher(d);
      } catch (RuntimeException e) {
        LOG.debug("closing the signal dispatcher failed: {}", e.toString());
      }
    }
  }
}
