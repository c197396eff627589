package io.micronats.simulator.scenario;

import io.micronats.nats.cluster.proxy.PartitionMode;
import java.time.Duration;
import java.util.Objects;

/**
 * One scheduled fault: at {@link #at()} after the run's (or a phase's) measured start, do one
 * kind of fault to {@link #target()} for {@link #duration()}. One record per {@link FaultKind},
 * each with the fields of its kind only.
 *
 * <p>Every record is immutable; its compact constructor checks each field on its own and names it
 * first in the exception ({@code duration: ...}), so the parser can report the field's path;
 * {@link FaultSchedule#problems} checks a spec against a run (node count, proxies, fleet).
 *
 * <p>Code that acts on each kind implements {@link Visitor}: a new kind is a new record here, which
 * must implement {@link #accept}, which needs a new {@code Visitor} method, so the compiler lists
 * every visitor that has to handle it (Java 17 has no pattern {@code switch} without preview). The
 * scenario reader and {@link #of} switch over {@link FaultKind} without a default, which the
 * compiler also checks for exhaustiveness.
 */
public sealed interface FaultSpec {

  /** A label for reports; {@code <kind>@<at>ms} when given blank. */
  String name();

  /** What the fault does. */
  FaultKind kind();

  /** What the fault is aimed at. */
  FaultTarget target();

  /** Offset from the measured start of the run, or of {@link #phase()}. */
  Duration at();

  /**
   * How long the fault lasts before it is reverted (resume, restart, heal); zero means not reverted
   * (kill, stop and lame duck stay down), or, for a rolling restart, no pause between nodes.
   */
  Duration duration();

  /** The phase whose measured start {@link #at()} counts from; empty for the run's. */
  String phase();

  /** This spec with another name. */
  FaultSpec withName(String newName);

  /** This spec timed from the measured start of phase {@code newPhase}. */
  FaultSpec withPhase(String newPhase);

  /** Calls the method of {@code visitor} for this kind. */
  <R> R accept(Visitor<R> visitor);

  /** A one-line description, for example {@code kill node 2 at 10000ms}. */
  default String describe() {
    return kind().scenarioName() + " " + target().describe() + " at " + at().toMillis() + "ms"
        + (phase().isEmpty() ? "" : " of " + phase())
        + (duration().isZero() ? "" : " for " + duration().toMillis() + "ms");
  }

  /**
   * A spec of {@code kind} with only the fields every kind has; the others take their defaults
   * (no latency or jitter, client links, cut partitions, 10 churns per second).
   *
   * @throws IllegalArgumentException as the kind's record does
   */
  static FaultSpec of(FaultKind kind, FaultTarget target, Duration at, Duration duration) {
    return switch (kind) {
      case KILL -> new Kill("", target, at, duration, "");
      case PAUSE -> new Pause("", target, at, duration, "");
      case STOP -> new Stop("", target, at, duration, "");
      case RESTART -> new Restart("", target, at, duration, "");
      case ROLLING_RESTART -> new RollingRestart("", target, at, duration, "");
      case LAME_DUCK -> new LameDuck("", target, at, duration, "");
      case KILL_INSTANCES -> new KillInstances("", target, at, duration, "");
      case REGISTRY_CHURN -> new RegistryChurn("", target, at, duration, 10, "");
      case LINK_LATENCY -> new LinkLatency("", target, at, duration, Duration.ZERO, Duration.ZERO,
          LinkSide.CLIENT, "");
      case LINK_SILENCE -> new LinkSilence("", target, at, duration, LinkSide.CLIENT, "");
      case LINK_CUT -> new LinkCut("", target, at, duration, LinkSide.CLIENT, "");
      case PARTITION -> new Partition("", target, at, duration, PartitionMode.CUT, "");
    };
  }

  /**
   * One method per fault kind.
   *
   * @param <R> what the methods return
   */
  interface Visitor<R> {
    /** A {@link Kill}. */
    R kill(Kill f);

    /** A {@link Pause}. */
    R pause(Pause f);

    /** A {@link Stop}. */
    R stop(Stop f);

    /** A {@link Restart}. */
    R restart(Restart f);

    /** A {@link RollingRestart}. */
    R rollingRestart(RollingRestart f);

    /** A {@link LameDuck}. */
    R lameDuck(LameDuck f);

    /** A {@link KillInstances}. */
    R killInstances(KillInstances f);

    /** A {@link RegistryChurn}. */
    R registryChurn(RegistryChurn f);

    /** A {@link LinkLatency}. */
    R linkLatency(LinkLatency f);

    /** A {@link LinkSilence}. */
    R linkSilence(LinkSilence f);

    /** A {@link LinkCut}. */
    R linkCut(LinkCut f);

    /** A {@link Partition}. */
    R partition(Partition f);
  }

  /** SIGKILL the target nodes; after the duration (if any), restart them on the same ports. */
  record Kill(String name, FaultTarget target, Duration at, Duration duration, String phase)
      implements FaultSpec {
    public Kill {
      name = checked(FaultKind.KILL, name, target, at, duration, phase);
    }

    @Override
    public FaultKind kind() {
      return FaultKind.KILL;
    }

    @Override
    public Kill withName(String newName) {
      return new Kill(newName, target, at, duration, phase);
    }

    @Override
    public Kill withPhase(String newPhase) {
      return new Kill(name, target, at, duration, newPhase);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.kill(this);
    }
  }

  /** SIGSTOP the target nodes for the (positive) duration, then SIGCONT. */
  record Pause(String name, FaultTarget target, Duration at, Duration duration, String phase)
      implements FaultSpec {
    public Pause {
      name = checked(FaultKind.PAUSE, name, target, at, duration, phase);
    }

    @Override
    public FaultKind kind() {
      return FaultKind.PAUSE;
    }

    @Override
    public Pause withName(String newName) {
      return new Pause(newName, target, at, duration, phase);
    }

    @Override
    public Pause withPhase(String newPhase) {
      return new Pause(name, target, at, duration, newPhase);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.pause(this);
    }
  }

  /** Graceful stop (SIGTERM); after the duration (if any), restart. */
  record Stop(String name, FaultTarget target, Duration at, Duration duration, String phase)
      implements FaultSpec {
    public Stop {
      name = checked(FaultKind.STOP, name, target, at, duration, phase);
    }

    @Override
    public FaultKind kind() {
      return FaultKind.STOP;
    }

    @Override
    public Stop withName(String newName) {
      return new Stop(newName, target, at, duration, phase);
    }

    @Override
    public Stop withPhase(String newPhase) {
      return new Stop(name, target, at, duration, newPhase);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.stop(this);
    }
  }

  /** Graceful stop and immediate restart of each target node, waiting for its routes. */
  record Restart(String name, FaultTarget target, Duration at, Duration duration, String phase)
      implements FaultSpec {
    public Restart {
      name = checked(FaultKind.RESTART, name, target, at, duration, phase);
    }

    @Override
    public FaultKind kind() {
      return FaultKind.RESTART;
    }

    @Override
    public Restart withName(String newName) {
      return new Restart(newName, target, at, duration, phase);
    }

    @Override
    public Restart withPhase(String newPhase) {
      return new Restart(name, target, at, duration, newPhase);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.restart(this);
    }
  }

  /** Restart the target nodes one after another, the duration being the pause between them. */
  record RollingRestart(String name, FaultTarget target, Duration at, Duration duration, String phase)
      implements FaultSpec {
    public RollingRestart {
      name = checked(FaultKind.ROLLING_RESTART, name, target, at, duration, phase);
    }

    @Override
    public FaultKind kind() {
      return FaultKind.ROLLING_RESTART;
    }

    @Override
    public RollingRestart withName(String newName) {
      return new RollingRestart(newName, target, at, duration, phase);
    }

    @Override
    public RollingRestart withPhase(String newPhase) {
      return new RollingRestart(name, target, at, duration, newPhase);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.rollingRestart(this);
    }
  }

  /** Lame duck mode (SIGUSR2); after the duration (if any), wait for the exit and restart. */
  record LameDuck(String name, FaultTarget target, Duration at, Duration duration, String phase)
      implements FaultSpec {
    public LameDuck {
      name = checked(FaultKind.LAME_DUCK, name, target, at, duration, phase);
    }

    @Override
    public FaultKind kind() {
      return FaultKind.LAME_DUCK;
    }

    @Override
    public LameDuck withName(String newName) {
      return new LameDuck(newName, target, at, duration, phase);
    }

    @Override
    public LameDuck withPhase(String newPhase) {
      return new LameDuck(name, target, at, duration, newPhase);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.lameDuck(this);
    }
  }

  /** Crash a fraction of the fake-service instances; after the duration (if any), restart them. */
  record KillInstances(String name, FaultTarget target, Duration at, Duration duration, String phase)
      implements FaultSpec {
    public KillInstances {
      name = checked(FaultKind.KILL_INSTANCES, name, target, at, duration, phase);
    }

    /** The fraction of the live instances to crash. */
    public double fraction() {
      return ((FaultTarget.Instances) target).fraction();
    }

    @Override
    public FaultKind kind() {
      return FaultKind.KILL_INSTANCES;
    }

    @Override
    public KillInstances withName(String newName) {
      return new KillInstances(newName, target, at, duration, phase);
    }

    @Override
    public KillInstances withPhase(String newPhase) {
      return new KillInstances(name, target, at, duration, newPhase);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.killInstances(this);
    }
  }

  /**
   * Start and stop fake-service instances for the duration.
   *
   * @param ratePerSecond instances started and stopped per second, in (0, 10000]
   */
  record RegistryChurn(String name, FaultTarget target, Duration at, Duration duration,
      double ratePerSecond, String phase) implements FaultSpec {
    public RegistryChurn {
      name = checked(FaultKind.REGISTRY_CHURN, name, target, at, duration, phase);
      if (!(ratePerSecond > 0 && ratePerSecond <= 10_000)) {
        throw new IllegalArgumentException("rate: registry churn needs a rate in (0, 10000] per second, got "
            + ratePerSecond);
      }
    }

    @Override
    public FaultKind kind() {
      return FaultKind.REGISTRY_CHURN;
    }

    @Override
    public RegistryChurn withName(String newName) {
      return new RegistryChurn(newName, target, at, duration, ratePerSecond, phase);
    }

    @Override
    public RegistryChurn withPhase(String newPhase) {
      return new RegistryChurn(name, target, at, duration, ratePerSecond, newPhase);
    }

    /** This churn at another rate. */
    public RegistryChurn withRate(double perSecond) {
      return new RegistryChurn(name, target, at, duration, perSecond, phase);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.registryChurn(this);
    }
  }

  /**
   * Add latency and jitter to the target nodes' links for the duration.
   *
   * @param latency the added latency
   * @param jitter plus or minus this around the latency; latency and jitter are not both zero
   * @param links client links or routes
   */
  record LinkLatency(String name, FaultTarget target, Duration at, Duration duration, Duration latency,
      Duration jitter, LinkSide links, String phase) implements FaultSpec {
    public LinkLatency {
      name = checked(FaultKind.LINK_LATENCY, name, target, at, duration, phase);
      requireNotNegative("latency", latency);
      requireNotNegative("jitter", jitter);
      Objects.requireNonNull(links, "links");
      if (latency.isZero() && jitter.isZero()) {
        throw new IllegalArgumentException("latency: a link-latency fault needs a latency or a jitter");
      }
    }

    @Override
    public FaultKind kind() {
      return FaultKind.LINK_LATENCY;
    }

    @Override
    public LinkLatency withName(String newName) {
      return new LinkLatency(newName, target, at, duration, latency, jitter, links, phase);
    }

    @Override
    public LinkLatency withPhase(String newPhase) {
      return new LinkLatency(name, target, at, duration, latency, jitter, links, newPhase);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.linkLatency(this);
    }
  }

  /**
   * Make the target nodes' links go silent without closing, for the duration.
   *
   * @param links client links or routes
   */
  record LinkSilence(String name, FaultTarget target, Duration at, Duration duration, LinkSide links,
      String phase) implements FaultSpec {
    public LinkSilence {
      name = checked(FaultKind.LINK_SILENCE, name, target, at, duration, phase);
      Objects.requireNonNull(links, "links");
    }

    @Override
    public FaultKind kind() {
      return FaultKind.LINK_SILENCE;
    }

    @Override
    public LinkSilence withName(String newName) {
      return new LinkSilence(newName, target, at, duration, links, phase);
    }

    @Override
    public LinkSilence withPhase(String newPhase) {
      return new LinkSilence(name, target, at, duration, links, newPhase);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.linkSilence(this);
    }
  }

  /**
   * Reset the target nodes' links and refuse reconnects, for the duration.
   *
   * @param links client links or routes
   */
  record LinkCut(String name, FaultTarget target, Duration at, Duration duration, LinkSide links,
      String phase) implements FaultSpec {
    public LinkCut {
      name = checked(FaultKind.LINK_CUT, name, target, at, duration, phase);
      Objects.requireNonNull(links, "links");
    }

    @Override
    public FaultKind kind() {
      return FaultKind.LINK_CUT;
    }

    @Override
    public LinkCut withName(String newName) {
      return new LinkCut(newName, target, at, duration, links, phase);
    }

    @Override
    public LinkCut withPhase(String newPhase) {
      return new LinkCut(name, target, at, duration, links, newPhase);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.linkCut(this);
    }
  }

  /**
   * Cut or silence the routes between the target nodes (or the pair) and the others, for the
   * duration.
   *
   * @param mode how the routes are cut
   */
  record Partition(String name, FaultTarget target, Duration at, Duration duration, PartitionMode mode,
      String phase) implements FaultSpec {
    public Partition {
      name = checked(FaultKind.PARTITION, name, target, at, duration, phase);
      Objects.requireNonNull(mode, "mode");
    }

    @Override
    public FaultKind kind() {
      return FaultKind.PARTITION;
    }

    @Override
    public Partition withName(String newName) {
      return new Partition(newName, target, at, duration, mode, phase);
    }

    @Override
    public Partition withPhase(String newPhase) {
      return new Partition(name, target, at, duration, mode, newPhase);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.partition(this);
    }
  }

  /**
   * Checks the fields every kind has, against what {@code kind} needs (a positive duration, nodes
   * or instances as the target, a pair only for a partition); returns the name, defaulted.
   */
  private static String checked(FaultKind kind, String name, FaultTarget target, Duration at,
      Duration duration, String phase) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(phase, "phase");
    requireNotNegative("at", at);
    requireNotNegative("duration", duration);
    if (kind.needsDuration() && duration.isZero()) {
      throw new IllegalArgumentException("duration: a " + kind.scenarioName()
          + " fault needs a positive duration");
    }
    if (kind.needsInstances() != (target instanceof FaultTarget.Instances)) {
      throw new IllegalArgumentException("target: a " + kind.scenarioName() + " fault must target "
          + (kind.needsInstances() ? "service instances" : "nodes") + ", got " + target.describe());
    }
    if (target instanceof FaultTarget.Pair && kind != FaultKind.PARTITION) {
      throw new IllegalArgumentException("target: a pair of nodes is only a target for a partition");
    }
    return name.isBlank() ? kind.scenarioName() + "@" + at.toMillis() + "ms" : name;
  }

  private static void requireNotNegative(String field, Duration d) {
    Objects.requireNonNull(d, field);
    if (d.isNegative()) {
      throw new IllegalArgumentException(field + ": must not be negative, got " + d);
    }
  }
}
