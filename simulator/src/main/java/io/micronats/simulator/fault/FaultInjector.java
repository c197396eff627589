package io.micronats.simulator.fault;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.nats.cluster.NatsNode;
import io.micronats.nats.cluster.proxy.Direction;
import io.micronats.nats.cluster.proxy.LinkProxy;
import io.micronats.nats.cluster.proxy.ProxyMesh;
import io.micronats.simulator.scenario.FaultSchedule;
import io.micronats.simulator.scenario.FaultSpec;
import io.micronats.simulator.scenario.FaultTarget;
import io.micronats.simulator.scenario.LinkSide;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out a {@link FaultSchedule} on a run: at each fault's offset from the start it injects
 * the fault into the local cluster, its link proxies or the fleet, and after the fault's duration
 * reverts it, reporting every injection, step and revert to the {@link FaultTimeline} (and deaths
 * of service instances to the {@link RegistryAudit}, when there is one).
 *
 * <p>Thread-safe. The constructor does no I/O; {@link #start(long)} starts one thread,
 * {@code fault-injector}, which runs the faults one at a time (a fault that blocks, such as a
 * rolling restart, delays the next; the timeline records the real injection times).
 * {@link #close()} stops scheduling, reverts what is still in force (resumes paused nodes, heals
 * links) and waits up to 30 s; it is idempotent. Failures of a fault are logged, recorded as a
 * step and do not stop the schedule.
 */
public final class FaultInjector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);
  private static final Duration ROUTES_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration LAME_DUCK_EXIT = Duration.ofSeconds(60);
  /** What a fault returns when nothing is left to revert. */
  @SuppressWarnings("UnnecessaryLambda") // a sentinel compared by identity (revert == NOTHING), not a helper
  private static final Runnable NOTHING = () -> {};

  private final FaultSchedule schedule;
  private final @Nullable NatsCluster cluster;
  private final @Nullable ServiceInstances instances;
  private final @Nullable RegistryAudit audit;
  private final FaultTimeline timeline;
  private final Random random;
  private final List<Runnable> pendingReverts = new CopyOnWriteArrayList<>();
  /** Every injection and revert scheduled; close() reports those that ended with an exception. */
  private final List<ScheduledFuture<?>> tasks = new CopyOnWriteArrayList<>();
  private final Object lifecycle = new Object();
  private @Nullable ScheduledExecutorService executor;
  private volatile boolean closed;

  /**
   * An injector of {@code schedule}.
   *
   * @param cluster the local cluster, or null for an external one (only instance faults then)
   * @param instances the fleet, or null when there is none
   * @param audit the registry audit to tell about dead instances, or null
   * @param seed chooses nodes and instances for fractional targets
   * @throws IllegalArgumentException listing {@link FaultSchedule#problems} when the schedule
   *     cannot run here
   */
  public FaultInjector(FaultSchedule schedule, @Nullable NatsCluster cluster,
      @Nullable ServiceInstances instances, @Nullable RegistryAudit audit, FaultTimeline timeline,
      long seed) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.cluster = cluster;
    this.instances = instances;
    this.audit = audit;
    this.timeline = Objects.requireNonNull(timeline, "timeline");
    this.random = new Random(seed);
    int nodes = cluster == null ? 0 : nodeCount(cluster);
    List<String> problems = schedule.problems(nodes, cluster != null && cluster.hasLinkProxies(),
        instances != null);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("fault schedule cannot run: " + String.join("; ", problems));
    }
  }

  private static int nodeCount(NatsCluster cluster) {
    return cluster.nodes().size();
  }

  /**
   * Schedules every fault relative to {@code originNanos} (a {@link System#nanoTime()} value, the
   * run's measured start); faults whose time has passed run at once, in order.
   *
   * @throws IllegalStateException when already started or closed
   */
  public void start(long originNanos) {
    synchronized (lifecycle) {
      if (closed || executor != null) {
        throw new IllegalStateException("FaultInjector can be started once");
      }
      ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "fault-injector");
        t.setDaemon(true);
        return t;
      });
      ex.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      executor = ex;
      for (FaultSpec spec : schedule.faults()) {
        long delay = originNanos + spec.at().toNanos() - System.nanoTime();
        tasks.add(ex.schedule(() -> inject(spec, ex, originNanos), Math.max(0, delay), TimeUnit.NANOSECONDS));
      }
    }
  }

  /** Stops scheduling, reverts faults still in force, and waits up to 30 s; idempotent. */
  @Override
  public void close() {
    ScheduledExecutorService ex;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      ex = executor;
    }
    if (ex != null) {
      ex.shutdownNow();
      try {
        if (!ex.awaitTermination(30, TimeUnit.SECONDS)) {
          LOG.warn("fault injector did not stop within 30 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      logFailedTasks();
    }
    for (Runnable r : pendingReverts) {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.warn("reverting a fault on close failed: {}", e.toString());
      }
    }
    pendingReverts.clear();
  }

  // ---- internals ----

  /** Logs the tasks that threw past their own handling (which logs and records what it expects). */
  private void logFailedTasks() {
    for (ScheduledFuture<?> f : tasks) {
      if (!f.isDone() || f.isCancelled()) {
        continue;
      }
      try {
        f.get();
      } catch (ExecutionException e) {
        LOG.warn("a fault task failed: {}", String.valueOf(e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    tasks.clear();
  }

  private void inject(FaultSpec spec, ScheduledExecutorService ex, long originNanos) {
    if (closed) {
      return;
    }
    long now = System.nanoTime();
    int id = timeline.injected(spec, now, originNanos);
    LOG.info("fault {}: {}", spec.name(), spec.describe());
    Runnable revert;
    try {
      revert = spec.accept(new Applier(id));
    } catch (RuntimeException e) {
      LOG.warn("fault {} failed: {}", spec.name(), e.toString());
      timeline.step(id, System.nanoTime(), "failed: " + e.getMessage());
      return;
    }
    if (revert == NOTHING) {
      return;
    }
    Runnable once = new Runnable() {
      private boolean done;

      @Override
      public synchronized void run() {
        if (done) {
          return;
        }
        done = true;
        pendingReverts.remove(this);
        try {
          revert.run();
          timeline.reverted(id, System.nanoTime());
        } catch (RuntimeException e) {
          LOG.warn("reverting fault {} failed: {}", spec.name(), e.toString());
          timeline.step(id, System.nanoTime(), "revert failed: " + e.getMessage());
        }
      }
    };
    pendingReverts.add(once);
    tasks.add(ex.schedule(once, spec.duration().toNanos(), TimeUnit.NANOSECONDS));
  }

  /**
   * Does the faults, one method per kind; each returns how to revert its fault after the duration,
   * or {@link #NOTHING} when nothing is left to do. A visitor rather than a switch: a new kind of
   * {@link FaultSpec} does not compile until it has a method here.
   */
  private final class Applier implements FaultSpec.Visitor<Runnable> {
    private final int id;

    Applier(int id) {
      this.id = id;
    }

    @Override
    public Runnable kill(FaultSpec.Kill f) {
      List<NatsNode> nodes = signal(f.target(), NatsNode::kill, "killed ");
      return f.duration().isZero() ? NOTHING : () -> restartAll(nodes, id);
    }

    @Override
    public Runnable pause(FaultSpec.Pause f) {
      List<NatsNode> nodes = signal(f.target(), NatsNode::pause, "paused ");
      return () -> {
        for (NatsNode n : nodes) {
          if (n.isRunning()) {
            n.resume();
          }
        }
      };
    }

    @Override
    public Runnable stop(FaultSpec.Stop f) {
      List<NatsNode> nodes = signal(f.target(), NatsNode::stop, "stopped ");
      return f.duration().isZero() ? NOTHING : () -> restartAll(nodes, id);
    }

    @Override
    public Runnable restart(FaultSpec.Restart f) {
      restartAll(nodes(f.target()), id);
      return NOTHING;
    }

    @Override
    public Runnable rollingRestart(FaultSpec.RollingRestart f) {
      for (NatsNode n : nodes(f.target())) {
        if (closed) {
          break;
        }
        n.restart();
        timeline.step(id, System.nanoTime(), "restarted " + n.name());
        requireCluster().awaitRoutes(ROUTES_TIMEOUT);
        timeline.step(id, System.nanoTime(), "routes formed after " + n.name());
        sleep(f.duration());
      }
      return NOTHING;
    }

    @Override
    public Runnable lameDuck(FaultSpec.LameDuck f) {
      List<NatsNode> nodes = signal(f.target(), NatsNode::lameDuck, "lame duck ");
      return f.duration().isZero() ? NOTHING : () -> {
        awaitExit(nodes, id);
        restartAll(nodes, id);
      };
    }

    @Override
    public Runnable killInstances(FaultSpec.KillInstances f) {
      ServiceInstances fleet = requireInstances();
      List<String> victims = crash(fleet, f.fraction());
      timeline.step(id, System.nanoTime(), "crashed " + victims.size() + " instances");
      return f.duration().isZero() ? NOTHING : () -> {
        List<String> back = fleet.restartCrashed(victims);
        long now = System.nanoTime();
        if (audit != null) {
          back.forEach(i -> audit.started(i, now));
        }
        timeline.step(id, now, "restarted " + back.size() + " instances");
      };
    }

    @Override
    public Runnable registryChurn(FaultSpec.RegistryChurn f) {
      churn(f, id);
      return NOTHING;
    }

    @Override
    public Runnable linkLatency(FaultSpec.LinkLatency f) {
      return onLinks(f, f.links(), p -> p.delay(f.latency(), f.jitter()));
    }

    @Override
    public Runnable linkSilence(FaultSpec.LinkSilence f) {
      return onLinks(f, f.links(), p -> p.silence(Direction.BOTH));
    }

    @Override
    public Runnable linkCut(FaultSpec.LinkCut f) {
      return onLinks(f, f.links(), LinkProxy::down);
    }

    @Override
    public Runnable partition(FaultSpec.Partition f) {
      ProxyMesh mesh = requireCluster().proxies();
      List<int[]> pairs = partitionPairs(f.target(), mesh.nodes());
      for (int[] p : pairs) {
        mesh.partition(p[0], p[1], f.mode());
      }
      timeline.step(id, System.nanoTime(), "partitioned " + pairs.size() + " node pairs ("
          + f.mode().name().toLowerCase(Locale.ROOT) + ")");
      return () -> {
        for (int[] p : pairs) {
          mesh.heal(p[0], p[1]);
        }
      };
    }

    /** Does {@code action} to each target node, recording {@code done + node} as a step. */
    private List<NatsNode> signal(FaultTarget target, Consumer<NatsNode> action, String done) {
      List<NatsNode> nodes = nodes(target);
      for (NatsNode n : nodes) {
        action.accept(n);
        timeline.step(id, System.nanoTime(), done + n.name());
      }
      return nodes;
    }

    /** Does {@code action} to the fault's links; the revert restores them. */
    private Runnable onLinks(FaultSpec f, LinkSide side, Consumer<LinkProxy> action) {
      List<LinkProxy> links = links(f.target(), side);
      links.forEach(action);
      timeline.step(id, System.nanoTime(), f.kind().scenarioName() + " on " + links.size() + " links");
      return () -> links.forEach(LinkProxy::restore);
    }
  }

  /**
   * Crashes about {@code fraction} of the fleet's live instances (at least one), telling the audit;
   * returns the instances that died.
   */
  private List<String> crash(ServiceInstances fleet, double fraction) {
    List<String> before = fleet.liveInstanceIds();
    int target = Math.max(1, (int) Math.round(fraction * before.size()));
    // a crash may take several instances down at once (those sharing a process): stop when
    // enough are gone, not after a number of crashes
    int attempts = 0;
    List<String> live = new ArrayList<>(before);
    while (before.size() - live.size() < target && !live.isEmpty() && attempts++ < before.size()) {
      String victim = live.get(random.nextInt(live.size()));
      fleet.crash(victim);
      live = new ArrayList<>(fleet.liveInstanceIds());
    }
    long at = System.nanoTime();
    Set<String> still = new HashSet<>(live);
    List<String> victims = new ArrayList<>();
    for (String instance : before) {
      if (!still.contains(instance)) {
        victims.add(instance);
        if (audit != null) {
          audit.died(instance, at);
        }
      }
    }
    return victims;
  }

  private void restartAll(List<NatsNode> nodes, int id) {
    for (NatsNode n : nodes) {
      n.restart();
      timeline.step(id, System.nanoTime(), "restarted " + n.name());
    }
    requireCluster().awaitRoutes(ROUTES_TIMEOUT);
    timeline.step(id, System.nanoTime(), "routes formed");
  }

  /**
   * Waits (up to {@link #LAME_DUCK_EXIT}) for lame-duck nodes to exit by themselves, which they do
   * once every client is evicted; kills those still running after that.
   */
  private void awaitExit(List<NatsNode> nodes, int id) {
    long deadline = System.nanoTime() + LAME_DUCK_EXIT.toNanos();
    for (NatsNode n : nodes) {
      while (n.isRunning() && System.nanoTime() < deadline && !closed) {
        sleep(Duration.ofMillis(100));
      }
      if (n.isRunning()) {
        n.kill();
        timeline.step(id, System.nanoTime(), "killed " + n.name() + " (still in lame duck mode)");
      } else {
        timeline.step(id, System.nanoTime(), n.name() + " exited");
      }
    }
  }

  private void churn(FaultSpec.RegistryChurn spec, int id) {
    ServiceInstances fleet = requireInstances();
    long periodNanos = (long) (1e9 / spec.ratePerSecond());
    long end = System.nanoTime() + spec.duration().toNanos();
    List<String> mine = new ArrayList<>();
    long started = 0;
    long stopped = 0;
    long next = System.nanoTime();
    boolean start = true;
    while (!closed && System.nanoTime() < end && started + stopped < 1_000_000) {
      if (start || mine.isEmpty()) {
        String instance = fleet.startInstance();
        mine.add(instance);
        started++;
        if (audit != null) {
          audit.started(instance, System.nanoTime());
        }
      } else {
        // newest first: a fleet grows and shrinks at its end
        String victim = mine.remove(mine.size() - 1);
        long at = System.nanoTime();
        if (fleet.stopInstance(victim)) {
          stopped++;
          if (audit != null) {
            audit.died(victim, at);
          }
        }
      }
      start = !start;
      next += periodNanos;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        sleep(Duration.ofNanos(wait));
      }
    }
    for (int i = mine.size() - 1; i >= 0; i--) {
      String left = mine.get(i);
      long at = System.nanoTime();
      if (fleet.stopInstance(left)) {
        stopped++;
        if (audit != null) {
          audit.died(left, at);
        }
      }
    }
    timeline.step(id, System.nanoTime(), "churn started " + started + ", stopped " + stopped);
  }

  private List<LinkProxy> links(FaultTarget target, LinkSide side) {
    ProxyMesh mesh = requireCluster().proxies();
    List<LinkProxy> out = new ArrayList<>();
    for (NatsNode n : nodes(target)) {
      if (side == LinkSide.CLIENT) {
        out.add(mesh.client(n.index()));
      } else {
        for (int other = 0; other < mesh.nodes(); other++) {
          if (other != n.index()) {
            out.addAll(mesh.between(n.index(), other));
          }
        }
      }
    }
    return out;
  }

  private List<int[]> partitionPairs(FaultTarget target, int nodes) {
    List<int[]> pairs = new ArrayList<>();
    if (target instanceof FaultTarget.Pair p) {
      pairs.add(new int[] {p.a(), p.b()});
      return pairs;
    }
    List<Integer> side = new ArrayList<>();
    for (NatsNode n : nodes(target)) {
      side.add(n.index());
    }
    for (int a : side) {
      for (int b = 0; b < nodes; b++) {
        if (!side.contains(b)) {
          pairs.add(new int[] {a, b});
        }
      }
    }
    return pairs;
  }

  private List<NatsNode> nodes(FaultTarget target) {
    NatsCluster c = requireCluster();
    List<NatsNode> all = c.nodes();
    if (target instanceof FaultTarget.Node n) {
      return List.of(all.get(n.index()));
    }
    if (target instanceof FaultTarget.Nodes f) {
      List<NatsNode> shuffled = new ArrayList<>(all);
      if (f.fraction() < 1) {
        Collections.shuffle(shuffled, random);
      }
      int count = Math.max(1, (int) Math.round(f.fraction() * all.size()));
      List<NatsNode> chosen = new ArrayList<>(shuffled.subList(0, Math.min(count, all.size())));
      chosen.sort(Comparator.comparingInt(NatsNode::index));
      return chosen;
    }
    throw new IllegalArgumentException("target " + target.describe() + " is not a set of nodes");
  }

  private NatsCluster requireCluster() {
    if (cluster == null) {
      throw new IllegalStateException("this fault needs a local cluster");
    }
    return cluster;
  }

  private ServiceInstances requireInstances() {
    if (instances == null) {
      throw new IllegalStateException("this fault needs a fleet");
    }
    return instances;
  }

  private void sleep(Duration d) {
    if (d.isZero() || d.isNegative()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("fault injector interrupted", e);
    }
  }
}
