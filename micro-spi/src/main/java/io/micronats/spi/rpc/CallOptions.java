package io.micronats.spi.rpc;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Options of one {@link RpcClient} call: a timeout overriding the client's default, and whether
 * the call is idempotent (safe to send again to another node when a connection fails after the
 * request may have reached the server).
 *
 * <p>Immutable.
 *
 * <pre>{@code
 * client.call("greeter", "Greeter.Hello", request,
 *     CallOptions.defaults().withTimeout(Duration.ofSeconds(1)).withIdempotent(true));
 * }</pre>
 *
 * @param timeoutOverride the call's timeout, or {@code null} for the client's default; positive
 * @param idempotent whether the request may be repeated on another node
 */
public record CallOptions(@Nullable Duration timeoutOverride, boolean idempotent) {

  /** Checks that a given timeout is positive. */
  public CallOptions {
    if (timeoutOverride != null && (timeoutOverride.isNegative() || timeoutOverride.isZero())) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeoutOverride);
    }
  }

  /** The client's default timeout; not idempotent. */
  public static CallOptions defaults() {
    return new CallOptions(null, false);
  }

  /** The timeout, when it overrides the client's default. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeoutOverride);
  }

  /** A copy with this timeout. */
  public CallOptions withTimeout(Duration timeout) {
    return new CallOptions(timeout, idempotent);
  }

  /** A copy marked idempotent (or not). */
  public CallOptions withIdempotent(boolean on) {
    return new CallOptions(timeoutOverride, on);
  }
}
