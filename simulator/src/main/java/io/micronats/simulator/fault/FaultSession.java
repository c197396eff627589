package io.micronats.simulator.fault;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.simulator.scenario.FaultSchedule;
import io.micronats.simulator.scenario.FaultSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The faults of one simulation run, for the run engine: one {@link FaultTimeline} fed by a
 * {@link StatsWatcher}, and, per phase, a {@link FaultInjector} of the faults timed in that phase
 * (faults with no phase run in the first phase started).
 *
 * <p>Use: {@link #open}, then {@link #phaseStarted} at each phase's measured start,
 * {@link #interval} from the phase's sampler, {@link #phaseEnded} at its end, {@link #reports} at
 * the end of the run, and {@link #close()}.
 *
 * <p>Thread-safe: phase methods come from the run's control thread, intervals from a sampler
 * thread; both only touch thread-safe parts. {@link #close()} is idempotent and bounded.
 */
public final class FaultSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FaultSession.class);

  private final FaultSchedule schedule;
  private final @Nullable NatsCluster cluster;
  private final @Nullable ServiceInstances instances;
  private final @Nullable RegistryAudit audit;
  private final long seed;
  private final FaultTimeline timeline;
  private final StatsWatcher watcher;
  private final List<String> phasesStarted = new ArrayList<>();
  private final Set<FaultSpec> fired = Collections.newSetFromMap(new IdentityHashMap<>());
  private @Nullable FaultInjector current;
  private boolean closed;

  private FaultSession(FaultSchedule schedule, @Nullable NatsCluster cluster,
      @Nullable ServiceInstances instances, @Nullable RegistryAudit audit, long seed) {
    this.schedule = schedule;
    this.cluster = cluster;
    this.instances = instances;
    this.audit = audit;
    this.seed = seed;
    this.timeline = new FaultTimeline(System.nanoTime());
    this.watcher = new StatsWatcher(timeline);
  }

  /**
   * Checks the schedule against the run and starts watching connections.
   *
   * @param cluster the local cluster, null for external or in-memory runs
   * @param instances the fleet, null when there is none
   * @param audit the registry audit, null for none
   * @throws IllegalArgumentException listing what keeps the schedule from running here
   */
  public static FaultSession open(FaultSchedule schedule, @Nullable NatsCluster cluster,
      @Nullable ServiceInstances instances, @Nullable RegistryAudit audit, long seed) {
    Objects.requireNonNull(schedule, "schedule");
    List<String> problems = schedule.problems(cluster == null ? 0 : cluster.nodes().size(),
        cluster != null && cluster.hasLinkProxies(), instances != null);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    FaultSession s = new FaultSession(schedule, cluster, instances, audit, seed);
    s.watcher.start();
    return s;
  }

  /** The registry audit, or null when there is none. */
  public @Nullable RegistryAudit audit() {
    return audit;
  }

  /** The timeline, for workloads that report calls and deliveries directly. */
  public FaultTimeline timeline() {
    return timeline;
  }

  /** Whether the schedule has any fault. */
  public boolean hasFaults() {
    return !schedule.isEmpty();
  }

  /** Starts the faults of {@code phase} relative to {@code windowStartNanos}; see {@link #phaseStarted(String, String, long)}. */
  public void phaseStarted(String phase, long windowStartNanos) {
    phaseStarted(phase, phase, windowStartNanos);
  }

  /**
   * Starts the faults timed in this phase, relative to {@code windowStartNanos}: those whose
   * {@link FaultSpec#phase()} is the phase's name, or its workload kind ({@code rpc},
   * {@code broker}, ...) for the first phase of that kind, or empty for the first phase of the run.
   * Each fault runs once.
   */
  public synchronized void phaseStarted(String phase, String workload, long windowStartNanos) {
    if (closed) {
      return;
    }
    boolean first = phasesStarted.isEmpty();
    phasesStarted.add(phase);
    timeline.seriesStarts(phase, windowStartNanos);
    if (instances != null && audit != null) {
      instances.liveInstanceIds(); // refreshes the audit's truth after the run grew or shrank the fleet
    }
    List<FaultSpec> mine = new ArrayList<>();
    for (FaultSpec f : schedule.faults()) {
      if (fired.contains(f)) {
        continue;
      }
      if (f.phase().equals(phase) || f.phase().equals(workload) || (first && f.phase().isEmpty())) {
        fired.add(f);
        mine.add(f.withPhase(phase));
      }
    }
    if (mine.isEmpty()) {
      return;
    }
    LOG.info("phase {}: {} fault(s) scheduled", phase, mine.size());
    FaultInjector injector = new FaultInjector(new FaultSchedule(mine), cluster, instances, audit, timeline,
        seed + phasesStarted.size());
    injector.start(windowStartNanos);
    current = injector;
  }

  /** One sampling interval of {@code series} (usually the phase name); see {@link FaultTimeline#interval}. */
  public void interval(String series, long startNanos, long endNanos, long successes, long errors,
      double p99Micros) {
    timeline.interval(series, startNanos, endNanos, successes, errors, p99Micros);
    if (errors > 0) {
      timeline.failure(startNanos + (endNanos - startNanos) / 2);
    }
    if (successes > 0) {
      timeline.success(endNanos);
    }
  }

  /** Ends the phase: reverts its faults still in force and closes the open fault window. */
  public synchronized void phaseEnded(String phase, long nanos) {
    FaultInjector injector = current;
    current = null;
    if (injector != null) {
      injector.close();
    }
    timeline.closeWindow(nanos);
  }

  /** The reports of every fault so far, with broker accounting when a ledger is given. */
  public List<FaultReport> reports(long endNanos, @Nullable DeliveryLedger ledger) {
    return timeline.reports(endNanos, ledger, audit);
  }

  /** Reverts what is still in force and stops watching; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    FaultInjector injector = current;
    current = null;
    if (injector != null) {
      injector.close();
    }
    watcher.close();
  }
}
