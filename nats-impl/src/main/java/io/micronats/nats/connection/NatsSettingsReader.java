package io.micronats.nats.connection;

import static io.micronats.nats.connection.NatsSettings.CONNECT_TIMEOUT;
import static io.micronats.nats.connection.NatsSettings.CREDS;
import static io.micronats.nats.connection.NatsSettings.DEFAULT_ADDRESS;
import static io.micronats.nats.connection.NatsSettings.DEFAULT_NAME;
import static io.micronats.nats.connection.NatsSettings.NAME;
import static io.micronats.nats.connection.NatsSettings.NKEY_FILE;
import static io.micronats.nats.connection.NatsSettings.NKEY_SEED;
import static io.micronats.nats.connection.NatsSettings.PASSWORD;
import static io.micronats.nats.connection.NatsSettings.PING_INTERVAL;
import static io.micronats.nats.connection.NatsSettings.RECONNECT_MAX;
import static io.micronats.nats.connection.NatsSettings.RECONNECT_WAIT;
import static io.micronats.nats.connection.NatsSettings.SHARED;
import static io.micronats.nats.connection.NatsSettings.TIMEOUT;
import static io.micronats.nats.connection.NatsSettings.TLS_CA;
import static io.micronats.nats.connection.NatsSettings.TLS_CERT;
import static io.micronats.nats.connection.NatsSettings.TLS_INSECURE;
import static io.micronats.nats.connection.NatsSettings.TLS_KEY;
import static io.micronats.nats.connection.NatsSettings.TOKEN;
import static io.micronats.nats.connection.NatsSettings.USER;

import io.micronats.spi.plugin.PluginConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads {@link NatsSettings} from plugin config keys. Stateless and thread-safe. */
final class NatsSettingsReader {
  private NatsSettingsReader() {}

  /**
   * The settings of {@code c}; see {@link NatsSettings} for keys and defaults.
   *
   * @throws IllegalArgumentException naming the key when a value is invalid
   */
  static NatsSettings read(PluginConfig c) {
    Objects.requireNonNull(c, "config");
    List<String> addresses = c.addresses().isEmpty() ? List.of(DEFAULT_ADDRESS) : c.addresses();
    Duration timeout = c.duration(TIMEOUT, Duration.ofSeconds(5));
    long maxReconnects = c.longValue(RECONNECT_MAX, -1);
    if (maxReconnects > Integer.MAX_VALUE || maxReconnects < Integer.MIN_VALUE) {
      throw new IllegalArgumentException("setting '" + RECONNECT_MAX + "' is out of range: "
          + maxReconnects);
    }
    return new NatsSettings(addresses, auth(c), tls(c), c.get(NAME, DEFAULT_NAME),
        c.booleanValue(SHARED, true), timeout, c.duration(CONNECT_TIMEOUT, timeout),
        c.duration(RECONNECT_WAIT, Duration.ofSeconds(1)), (int) maxReconnects,
        c.duration(PING_INTERVAL, Duration.ofSeconds(5)));
  }

  private static NatsAuth auth(PluginConfig c) {
    List<String> modes = new ArrayList<>();
    for (String key : List.of(USER, PASSWORD, TOKEN, NKEY_SEED, NKEY_FILE, CREDS)) {
      if (c.get(key).filter(v -> !v.isBlank()).isPresent()) {
        modes.add(key);
      }
    }
    if (modes.isEmpty()) {
      return new NatsAuth.None();
    }
    if (modes.equals(List.of(USER, PASSWORD))) {
      return new NatsAuth.UserPassword(c.get(USER, ""), c.get(PASSWORD, ""));
    }
    if (modes.size() > 1) {
      throw new IllegalArgumentException("settings " + modes + " are different auth modes: give only one "
          + "of 'user'+'password', 'token', 'nkey.seed', 'nkey.file', 'creds'");
    }
    String mode = modes.get(0);
    String value = c.get(mode, "").trim();
    return switch (mode) {
      case USER -> throw new IllegalArgumentException("setting 'user' needs 'password' as well");
      case PASSWORD -> throw new IllegalArgumentException("setting 'password' needs 'user' as well");
      case TOKEN -> new NatsAuth.Token(value);
      case NKEY_SEED -> new NatsAuth.NKeySeed(value);
      case NKEY_FILE -> new NatsAuth.NKeyFile(Path.of(value));
      default -> new NatsAuth.CredsFile(Path.of(value));
    };
  }

  private static TlsSettings tls(PluginConfig c) {
    return new TlsSettings(path(c, TLS_CA), path(c, TLS_CERT), path(c, TLS_KEY),
        c.booleanValue(TLS_INSECURE, false));
  }

  private static Optional<Path> path(PluginConfig c, String key) {
    return c.get(key).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of);
  }
}
