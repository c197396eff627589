package io.micronats.tck;

/**
 * One of the plugin roles the TCK can verify.
 *
 * <p>Immutable enum constants, safe to share between threads.
 */
public enum Role {
  /** {@link io.micronats.spi.transport.Transport}. */
  TRANSPORT,
  /** {@link io.micronats.spi.broker.Broker}. */
  BROKER,
  /** {@link io.micronats.spi.registry.Registry}. */
  REGISTRY
}
