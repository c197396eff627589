package io.micronats.spi.plugin;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings handed to a plugin provider: string keys to string values.
 *
 * <p>Immutable. The common keys are constants here; a plugin documents its own. Values come from
 * code, from a scenario file, or from go-micro-style environment variables
 * ({@link #fromEnvironment(String, Map)}).
 *
 * @param settings the key/value pairs; copied
 */
public record PluginConfig(Map<String, String> settings) {

  /** Comma-separated server addresses, for example {@code nats://127.0.0.1:4222,nats://127.0.0.1:4223}. */
  public static final String ADDRESSES = "addresses";
  /** Default timeout of blocking operations, as an ISO-8601 duration or milliseconds ({@code 5s}, {@code 500ms}). */
  public static final String TIMEOUT = "timeout";
  /** A shared namespace; instances created with the same value see each other (used by {@code memory}). */
  public static final String NAMESPACE = "namespace";
  /** User name for authentication. */
  public static final String USER = "user";
  /** Password for authentication. */
  public static final String PASSWORD = "password";
  /** Token for authentication. */
  public static final String TOKEN = "token";

  public PluginConfig {
    Objects.requireNonNull(settings, "settings");
    settings = Map.copyOf(settings);
  }

  /** No settings: every plugin's defaults. */
  public static PluginConfig empty() {
    return new PluginConfig(Map.of());
  }

  /** Settings from alternating keys and values. */
  public static PluginConfig of(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected key/value pairs, got " + Arrays.toString(keysAndValues));
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new PluginConfig(map);
  }

  /**
   * Settings of one role from go-micro-style environment variables: for role {@code transport},
   * {@code MICRO_TRANSPORT_ADDRESS} becomes {@link #ADDRESSES}, and any
   * {@code MICRO_TRANSPORT_<KEY>} becomes the lower-case key ({@code MICRO_TRANSPORT_TIMEOUT} →
   * {@code timeout}). {@code MICRO_TRANSPORT} itself names the plugin and is not a setting.
   */
  public static PluginConfig fromEnvironment(String role, Map<String, String> environment) {
    String prefix = "MICRO_" + role.toUpperCase(Locale.ROOT) + "_";
    Map<String, String> map = new LinkedHashMap<>();
    environment.forEach((name, value) -> {
      if (name.startsWith(prefix) && name.length() > prefix.length()) {
        String key = name.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        map.put(key.equals("address") ? ADDRESSES : key, value);
      }
    });
    return new PluginConfig(map);
  }

  /** The value of {@code key}, if set. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  /** The value of {@code key}, or {@code fallback}. */
  public String get(String key, String fallback) {
    return settings.getOrDefault(key, fallback);
  }

  /** A copy with {@code key} set to {@code value}. */
  public PluginConfig with(String key, String value) {
    Map<String, String> map = new LinkedHashMap<>(settings);
    map.put(key, value);
    return new PluginConfig(map);
  }

  /** The {@link #ADDRESSES}, split at commas and trimmed; empty when unset. */
  public List<String> addresses() {
    return get(ADDRESSES).map(v -> Arrays.stream(v.split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
  }

  /**
   * The duration at {@code key}, or {@code fallback}. Accepts ISO-8601 ({@code PT5S}) and the
   * short forms {@code 250ms}, {@code 5s}, {@code 2m}, or a bare number of milliseconds.
   *
   * @throws IllegalArgumentException naming the key when the value is not a duration
   */
  public Duration duration(String key, Duration fallback) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return fallback;
    }
    String v = raw.get().trim().toLowerCase(Locale.ROOT);
    try {
      if (v.startsWith("pt") || v.startsWith("p")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      } else if (v.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
      } else if (v.endsWith("s")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
      } else if (v.endsWith("m")) {
        return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
      }
      return Duration.ofMillis(Long.parseLong(v));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("setting '" + key + "' is not a duration: '" + raw.get()
          + "' (use 250ms, 5s, 2m or PT5S)", e);
    }
  }

  /**
   * The integer at {@code key}, or {@code fallback}.
   *
   * @throws IllegalArgumentException naming the key when the value is not an integer
   */
  public long longValue(String key, long fallback) {
    Optional<String> raw = get(key);
    try {
      return raw.map(s -> Long.parseLong(s.trim())).orElse(fallback);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting '" + key + "' is not an integer: '" + raw.get() + "'", e);
    }
  }

  /** The boolean at {@code key} ({@code true}/{@code false}), or {@code fallback}. */
  public boolean booleanValue(String key, boolean fallback) {
    Optional<String> raw = get(key);
    if (raw.isEmpty()) {
      return fallback;
    }
    return switch (raw.get().trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new IllegalArgumentException(
          "setting '" + key + "' is not a boolean: '" + raw.get() + "'");
    };
  }

  /** Hides values whose keys look secret, so configs can be logged. */
  @Override
  public String toString() {
    Map<String, String> shown = new LinkedHashMap<>();
    settings.forEach((k, v) -> shown.put(k,
        k.contains("password") || k.contains("token") || k.contains("seed") || k.contains("nkey") ? "***" : v));
    return "PluginConfig" + shown;
  }
}
