package io.micronats.nats.connection;

import io.micronats.spi.plugin.PluginConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to connect to NATS: server addresses, authentication, TLS, connection name, sharing, and
 * timeouts. Two equal settings share one connection in {@link NatsConnections}.
 *
 * <p>Immutable; the canonical constructor validates and does no I/O (files named here are read
 * when a connection is made). Usually made with {@link #from(PluginConfig)}:
 *
 * <pre>{@code
 * NatsSettings s = NatsSettings.from(PluginConfig.of("addresses", "nats://a:4222,nats://b:4222",
 *     "user", "app", "password", "secret"));
 * Connection c = NatsConnections.acquire(s);
 * try { ... } finally { NatsConnections.release(c); }
 * }</pre>
 *
 * <p>Keys (environment variables {@code MICRO_<ROLE>_<KEY>} with {@code _} for {@code .}, see
 * {@link #from(PluginConfig, String, Map)}):
 * <ul>
 *   <li>{@value #ADDRESSES}: comma-separated URLs ({@code nats://}, {@code tls://}), default
 *       {@value #DEFAULT_ADDRESS};
 *   <li>at most one auth mode: {@value #USER} + {@value #PASSWORD}, {@value #TOKEN},
 *       {@value #NKEY_SEED}, {@value #NKEY_FILE}, or {@value #CREDS} (a {@code .creds} file);
 *   <li>{@value #TLS_CA}, {@value #TLS_CERT} + {@value #TLS_KEY} (PEM, for mutual TLS),
 *       {@value #TLS_INSECURE};
 *   <li>{@value #NAME} (connection name shown in {@code /connz}, default {@value #DEFAULT_NAME}),
 *       {@value #SHARED} (default true);
 *   <li>{@value #TIMEOUT} (default 5s), {@value #CONNECT_TIMEOUT} (per server, default
 *       {@value #TIMEOUT}), {@value #RECONNECT_WAIT} (default 1s), {@value #RECONNECT_MAX}
 *       (default -1, unlimited), {@value #PING_INTERVAL} (default 5s).
 * </ul>
 *
 * @param addresses server URLs; at least one
 * @param auth the authentication mode
 * @param tls TLS settings
 * @param name the connection name
 * @param shared whether {@link NatsConnections#acquire} shares one connection among equal settings
 * @param timeout default timeout of blocking operations of the plugins using these settings
 * @param connectTimeout timeout of one connection attempt to one server
 * @param reconnectWait pause before trying the same server again
 * @param maxReconnects reconnect attempts before giving up, -1 for unlimited
 * @param pingInterval interval of client pings; two unanswered pings mark the connection stale
 */
public record NatsSettings(List<String> addresses, NatsAuth auth, TlsSettings tls, String name,
    boolean shared, Duration timeout, Duration connectTimeout, Duration reconnectWait,
    int maxReconnects, Duration pingInterval) {

  public static final String ADDRESSES = PluginConfig.ADDRESSES;
  public static final String USER = PluginConfig.USER;
  public static final String PASSWORD = PluginConfig.PASSWORD;
  public static final String TOKEN = PluginConfig.TOKEN;
  public static final String NKEY_SEED = "nkey.seed";
  public static final String NKEY_FILE = "nkey.file";
  public static final String CREDS = "creds";
  public static final String TLS_CA = "tls.ca";
  public static final String TLS_CERT = "tls.cert";
  public static final String TLS_KEY = "tls.key";
  public static final String TLS_INSECURE = "tls.insecure";
  public static final String NAME = "name";
  public static final String SHARED = "shared";
  public static final String TIMEOUT = PluginConfig.TIMEOUT;
  public static final String CONNECT_TIMEOUT = "connect.timeout";
  public static final String RECONNECT_WAIT = "reconnect.wait";
  public static final String RECONNECT_MAX = "reconnect.max";
  public static final String PING_INTERVAL = "ping.interval";

  public static final String DEFAULT_ADDRESS = "nats://127.0.0.1:4222";
  public static final String DEFAULT_NAME = "micronats";

  private static final Set<String> SCHEMES = Set.of("nats", "tls", "opentls", "ws", "wss");

  public NatsSettings {
    Objects.requireNonNull(addresses, "addresses");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(reconnectWait, "reconnectWait");
    Objects.requireNonNull(pingInterval, "pingInterval");
    addresses = List.copyOf(addresses);
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("setting 'addresses' needs at least one URL");
    }
    for (String a : addresses) {
      validateAddress(a);
    }
    positive(timeout, TIMEOUT);
    positive(connectTimeout, CONNECT_TIMEOUT);
    positive(pingInterval, PING_INTERVAL);
    if (reconnectWait.isNegative()) {
      throw new IllegalArgumentException("setting '" + RECONNECT_WAIT + "' must not be negative, got "
          + reconnectWait);
    }
    if (maxReconnects < -1) {
      throw new IllegalArgumentException("setting '" + RECONNECT_MAX
          + "' must be -1 (unlimited) or at least 0, got " + maxReconnects);
    }
  }

  /** The defaults: {@value #DEFAULT_ADDRESS}, no auth, no TLS, shared. */
  public static NatsSettings defaults() {
    return from(PluginConfig.empty());
  }

  /**
   * Settings from plugin config keys (see the class documentation).
   *
   * @throws IllegalArgumentException naming the key when a value is invalid or two auth modes
   *     are given
   */
  public static NatsSettings from(PluginConfig c) {
    return NatsSettingsReader.read(c);
  }

  /**
   * Settings from environment variables of one role ({@code MICRO_BROKER_ADDRESS},
   * {@code MICRO_BROKER_USER}, {@code MICRO_BROKER_TLS_CA}, ...), overridden by the keys of
   * {@code explicit}.
   *
   * @param role {@code transport}, {@code broker} or {@code registry}
   * @param environment usually {@code System.getenv()}
   * @throws IllegalArgumentException naming the key when a value is invalid
   */
  public static NatsSettings from(PluginConfig explicit, String role, Map<String, String> environment) {
    Map<String, String> merged = new LinkedHashMap<>(PluginConfig.fromEnvironment(role, environment).settings());
    merged.putAll(explicit.settings());
    return from(new PluginConfig(merged));
  }

  /** A copy with other addresses. */
  public NatsSettings withAddresses(List<String> newAddresses) {
    return new NatsSettings(newAddresses, auth, tls, name, shared, timeout, connectTimeout,
        reconnectWait, maxReconnects, pingInterval);
  }

  /** A copy with {@code shared} changed. */
  public NatsSettings withShared(boolean newShared) {
    return new NatsSettings(addresses, auth, tls, name, newShared, timeout, connectTimeout,
        reconnectWait, maxReconnects, pingInterval);
  }

  /** Like the record's, but without secrets (auth values and credentials inside URLs). */
  @Override
  public String toString() {
    List<String> shown = Secrets.mask(addresses);
    return "NatsSettings[addresses=" + shown + ", auth=" + auth + ", tls=" + tls + ", name=" + name
        + ", shared=" + shared + ", timeout=" + timeout + ", connectTimeout=" + connectTimeout
        + ", reconnectWait=" + reconnectWait + ", maxReconnects=" + maxReconnects
        + ", pingInterval=" + pingInterval + "]";
  }

  /** The addresses joined with commas. */
  public String connectString() {
    return String.join(",", addresses);
  }

  private static void validateAddress(String address) {
    try {
      URI uri = new URI(address.trim());
      if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))) {
        throw new IllegalArgumentException("setting 'addresses' has '" + address
            + "' without a known scheme: use nats://host:port (or tls://, ws://, wss://)");
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        throw new IllegalArgumentException("setting 'addresses' has '" + address + "' without a host");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("setting 'addresses' has an invalid URL '" + address + "': "
          + e.getMessage(), e);
    }
  }

  private static void positive(Duration d, String key) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("setting '" + key + "' must be positive, got " + d);
    }
  }
}
