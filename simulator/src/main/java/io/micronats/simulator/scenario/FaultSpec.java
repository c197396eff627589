package io.micronats.simulator.scenario;

import io.micronats.nats.cluster.proxy.PartitionMode;
import java.time.Duration;
import java.util.Objects;

/**
 * One scheduled fault: at {@code at} after the run's measured start, do {@code kind} to
 * {@code target} for {@code duration}.
 *
 * <p>Immutable; the compact constructor checks each field on its own and names it in the
 * exception; {@link FaultSchedule#problems} checks a spec against a run (node count, proxies,
 * fleet).
 *
 * @param name a label for reports; defaults to {@code <kind>@<at>} when blank
 * @param kind what to do
 * @param target what to aim at
 * @param at offset from the start of the run's measured time
 * @param duration how long the fault lasts before it is reverted (resume, restart, heal); zero
 *     means not reverted (kill, stop and lame duck stay down), or, for a rolling restart, no pause
 *     between nodes
 * @param latency added latency, for {@link FaultKind#LINK_LATENCY}
 * @param jitter plus or minus this around the latency, for {@link FaultKind#LINK_LATENCY}
 * @param links client links or routes, for link faults
 * @param partitionMode how a partition cuts routes, for {@link FaultKind#PARTITION}
 * @param ratePerSecond instances started and stopped per second, for
 *     {@link FaultKind#REGISTRY_CHURN}
 * @param phase the name of the phase whose measured start {@code at} counts from; empty for the
 *     run's (or the first measured phase's) start
 */
public record FaultSpec(String name, FaultKind kind, FaultTarget target, Duration at,
    Duration duration, Duration latency, Duration jitter, LinkSide links,
    PartitionMode partitionMode, double ratePerSecond, String phase) {

  public FaultSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(jitter, "jitter");
    Objects.requireNonNull(links, "links");
    Objects.requireNonNull(partitionMode, "partitionMode");
    Objects.requireNonNull(phase, "phase");
    requireNotNegative("at", at);
    requireNotNegative("duration", duration);
    requireNotNegative("latency", latency);
    requireNotNegative("jitter", jitter);
    if (kind.needsDuration() && duration.isZero()) {
      throw new IllegalArgumentException("duration: a " + kind.scenarioName()
          + " fault needs a positive duration");
    }
    if (kind == FaultKind.LINK_LATENCY && latency.isZero() && jitter.isZero()) {
      throw new IllegalArgumentException("latency: a link-latency fault needs a latency or a jitter");
    }
    if (kind == FaultKind.REGISTRY_CHURN && !(ratePerSecond > 0 && ratePerSecond <= 10_000)) {
      throw new IllegalArgumentException("rate: registry churn needs a rate in (0, 10000] per second, got "
          + ratePerSecond);
    }
    if (kind.needsInstances() != (target instanceof FaultTarget.Instances)) {
      throw new IllegalArgumentException("target: a " + kind.scenarioName() + " fault must target "
          + (kind.needsInstances() ? "service instances" : "nodes") + ", got " + target.describe());
    }
    if (target instanceof FaultTarget.Pair && kind != FaultKind.PARTITION) {
      throw new IllegalArgumentException("target: a pair of nodes is only a target for a partition");
    }
    if (name.isBlank()) {
      name = kind.scenarioName() + "@" + at.toMillis() + "ms";
    }
  }

  /** A spec with only the fields every kind has; the rest take their defaults. */
  public static FaultSpec of(FaultKind kind, FaultTarget target, Duration at, Duration duration) {
    return new FaultSpec("", kind, target, at, duration, Duration.ZERO, Duration.ZERO, LinkSide.CLIENT,
        PartitionMode.CUT, kind == FaultKind.REGISTRY_CHURN ? 10 : 0, "");
  }

  /** This spec with another name. */
  public FaultSpec withName(String newName) {
    return new FaultSpec(newName, kind, target, at, duration, latency, jitter, links, partitionMode,
        ratePerSecond, phase);
  }

  /** This spec with latency and jitter. */
  public FaultSpec withLatency(Duration newLatency, Duration newJitter) {
    return new FaultSpec(name, kind, target, at, duration, newLatency, newJitter, links, partitionMode,
        ratePerSecond, phase);
  }

  /** This spec on other links. */
  public FaultSpec withLinks(LinkSide newLinks) {
    return new FaultSpec(name, kind, target, at, duration, latency, jitter, newLinks, partitionMode,
        ratePerSecond, phase);
  }

  /** This spec with another partition mode. */
  public FaultSpec withPartitionMode(PartitionMode mode) {
    return new FaultSpec(name, kind, target, at, duration, latency, jitter, links, mode, ratePerSecond, phase);
  }

  /** This spec with another churn rate. */
  public FaultSpec withRate(double perSecond) {
    return new FaultSpec(name, kind, target, at, duration, latency, jitter, links, partitionMode,
        perSecond, phase);
  }

  /** This spec timed from the measured start of phase {@code newPhase}. */
  public FaultSpec withPhase(String newPhase) {
    return new FaultSpec(name, kind, target, at, duration, latency, jitter, links, partitionMode,
        ratePerSecond, newPhase);
  }

  /** A one-line description, for example {@code kill node 2 at 10s for 0s}. */
  public String describe() {
    return kind.scenarioName() + " " + target.describe() + " at " + at.toMillis() + "ms"
        + (phase.isEmpty() ? "" : " of " + phase)
        + (duration.isZero() ? "" : " for " + duration.toMillis() + "ms");
  }

  private static void requireNotNegative(String field, Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException(field + ": must not be negative, got " + d);
    }
  }
}
