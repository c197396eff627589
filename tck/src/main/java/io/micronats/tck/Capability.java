package io.micronats.tck;

/**
 * An optional behaviour an implementation may declare; the OPTIONAL rules that need it run only
 * when it is declared, and then they must pass.
 *
 * <p>Immutable enum constants, safe to share between threads. Behaviours the SPI itself promises
 * (queue groups, ordering per publisher, a close that reaches the peer) are not capabilities:
 * their rules are REQUIRED.
 */
public enum Capability {
  /**
   * The transport allows one listener per address: a second {@code listen} on an address in use
   * fails with a {@link io.micronats.spi.TransportException}. Without it, an implementation may let
   * two listeners share an address (NATS fans requests out, as go-micro did).
   */
  EXCLUSIVE_LISTEN,
  /** The broker accepts NATS-style wildcards ({@code *} one token, {@code >} the rest) in subscribe topics. */
  WILDCARD_SUBSCRIPTIONS,
  /** The registry honours {@link io.micronats.spi.registry.RegisterOptions#ttl}: nodes not refreshed expire. */
  REGISTRY_TTL,
  /**
   * The implementation survives an outage of its backend, and the implementer supplies a
   * {@link BackendControl} that stops and starts that backend.
   */
  BACKEND_RESTART
}
