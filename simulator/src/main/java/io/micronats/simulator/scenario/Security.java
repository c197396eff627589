package io.micronats.simulator.scenario;

import java.util.Map;
import java.util.Objects;

/**
 * The authentication and TLS profile a run uses. Immutable.
 *
 * @param auth how clients authenticate
 * @param tls whether client connections use TLS, and whether clients present certificates
 * @param settings extra plugin settings (for example {@code user}, {@code password}, {@code creds})
 *     passed to every plugin instance
 */
public record Security(Auth auth, Tls tls, Map<String, String> settings) {

  /** Client authentication modes. */
  public enum Auth { NONE, USER_PASSWORD, TOKEN, NKEY, CREDS }

  /** Client TLS modes. */
  public enum Tls { NONE, TLS, MUTUAL }

  /** No auth, no TLS. */
  public static final Security NONE = new Security(Auth.NONE, Tls.NONE, Map.of());

  /** Copies the map. */
  public Security {
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(tls, "tls");
    settings = Map.copyOf(settings);
  }
}
