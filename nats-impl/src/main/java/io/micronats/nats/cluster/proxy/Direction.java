package io.micronats.nats.cluster.proxy;

/**
 * Which way bytes flow through a {@link LinkProxy}: {@link #UPSTREAM} from the side that connected
 * to the proxy towards the target, {@link #DOWNSTREAM} back, {@link #BOTH} both ways.
 *
 * <p>Immutable.
 */
public enum Direction {
  /** From the connecting side (a client, or the node that dialled the route) to the target. */
  UPSTREAM,
  /** From the target back to the connecting side. */
  DOWNSTREAM,
  /** Both ways. */
  BOTH;

  /** Whether this direction includes {@code one} (which must be UPSTREAM or DOWNSTREAM). */
  boolean includes(Direction one) {
    return this == BOTH || this == one;
  }
}
