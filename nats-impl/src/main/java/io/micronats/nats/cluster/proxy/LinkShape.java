package io.micronats.nats.cluster.proxy;

import java.time.Duration;
import java.util.Objects;

/**
 * The faults a {@link LinkProxy} applies at one moment: added latency and jitter, silence per
 * direction (bytes are held, the sockets stay open, like a blackholed TCP link) and whether new
 * connections are refused (accepted and reset at once).
 *
 * <p>Immutable; {@link #HEALTHY} is the shape of a proxy that only forwards.
 *
 * @param latency delay added to every chunk of bytes, zero or more
 * @param jitter each chunk's delay varies uniformly within plus or minus this, never below zero;
 *     order within a direction is kept, so a chunk never overtakes an earlier one
 * @param silentUpstream whether upstream bytes are held
 * @param silentDownstream whether downstream bytes are held
 * @param refusing whether new connections are reset as soon as they are accepted
 */
public record LinkShape(Duration latency, Duration jitter, boolean silentUpstream,
    boolean silentDownstream, boolean refusing) {

  /** No fault. */
  public static final LinkShape HEALTHY = new LinkShape(Duration.ZERO, Duration.ZERO, false, false, false);

  public LinkShape {
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(jitter, "jitter");
    if (latency.isNegative() || jitter.isNegative()) {
      throw new IllegalArgumentException("latency and jitter must not be negative, got " + latency
          + " and " + jitter);
    }
  }

  /** Whether bytes in {@code one} direction (UPSTREAM or DOWNSTREAM) are held. */
  boolean silent(Direction one) {
    return one == Direction.UPSTREAM ? silentUpstream : silentDownstream;
  }

  /** Whether this shape changes nothing. */
  public boolean healthy() {
    return equals(HEALTHY);
  }

  LinkShape withDelay(Duration newLatency, Duration newJitter) {
    return new LinkShape(newLatency, newJitter, silentUpstream, silentDownstream, refusing);
  }

  LinkShape withSilence(Direction direction, boolean silent) {
    return new LinkShape(latency, jitter,
        direction.includes(Direction.UPSTREAM) ? silent : silentUpstream,
        direction.includes(Direction.DOWNSTREAM) ? silent : silentDownstream, refusing);
  }

  LinkShape withRefusing(boolean newRefusing) {
    return new LinkShape(latency, jitter, silentUpstream, silentDownstream, newRefusing);
  }
}
