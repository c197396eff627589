package io.micronats.nats.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * Latency added to the links (routes, gateways, leaf connections) between servers in two zones or
 * two regions of a {@link NatsLayout}, through the link proxies: each chunk of bytes is delayed by
 * {@code latency} plus or minus {@code jitter}, in each direction, so a round trip across the link
 * gains about twice the latency.
 *
 * <p>Immutable. A zone rule wins over a region rule; {@code "*"} as {@code b} matches every other
 * zone (or region).
 *
 * @param scope whether {@code a} and {@code b} name zones or regions
 * @param a one zone or region
 * @param b the other, or {@code "*"}
 * @param latency one-way added latency, zero or more
 * @param jitter uniform variation of each chunk's delay, zero or more
 */
public record LinkLatency(Scope scope, String a, String b, Duration latency, Duration jitter) {

  /** What the labels of a {@link LinkLatency} name. */
  public enum Scope {
    /** Availability zones ({@link NodePlace#zone()}). */
    ZONE,
    /** Regions ({@link NodePlace#region()}). */
    REGION
  }

  public LinkLatency {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(jitter, "jitter");
    if (latency.isNegative() || jitter.isNegative()) {
      throw new IllegalArgumentException("latency and jitter must not be negative, got " + latency
          + " and " + jitter);
    }
  }

  /** Latency between zones {@code a} and {@code b}. */
  public static LinkLatency betweenZones(String a, String b, Duration latency, Duration jitter) {
    return new LinkLatency(Scope.ZONE, a, b, latency, jitter);
  }

  /** Latency between regions {@code a} and {@code b}. */
  public static LinkLatency betweenRegions(String a, String b, Duration latency, Duration jitter) {
    return new LinkLatency(Scope.REGION, a, b, latency, jitter);
  }

  /** Whether this rule applies to a link between {@code x} and {@code y} (in different places). */
  boolean appliesTo(NodePlace x, NodePlace y) {
    String p = scope == Scope.ZONE ? x.zone() : x.region();
    String q = scope == Scope.ZONE ? y.zone() : y.region();
    if (p.equals(q)) {
      return false;
    }
    return matches(p, q) || matches(q, p);
  }

  private boolean matches(String p, String q) {
    return a.equals(p) && (b.equals("*") || b.equals(q));
  }
}
