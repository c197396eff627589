package io.micronats.spi.registry;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to register: an optional time-to-live.
 *
 * <p>Immutable. With a TTL, the registered nodes expire (and watchers see a delete) unless they
 * are registered again before it runs out.
 *
 * @param timeToLive the TTL, or {@code null} for none; positive when given
 */
public record RegisterOptions(@Nullable Duration timeToLive) {

  public RegisterOptions {
    if (timeToLive != null && (timeToLive.isZero() || timeToLive.isNegative())) {
      throw new IllegalArgumentException("TTL must be positive, was " + timeToLive);
    }
  }

  /** No TTL. */
  public static RegisterOptions defaults() {
    return new RegisterOptions(null);
  }

  /** Expire after {@code ttl} unless registered again. */
  public static RegisterOptions ttl(Duration ttl) {
    return new RegisterOptions(ttl);
  }

  /** The TTL, if any. */
  public Optional<Duration> ttl() {
    return Optional.ofNullable(timeToLive);
  }
}
