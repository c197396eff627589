package io.micronats.nats.cluster;

import io.micronats.spi.plugin.PluginConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An existing NATS deployment given by its client URLs and, optionally, credentials and TLS
 * settings; starts and stops nothing.
 *
 * <p>Immutable and thread-safe; {@link #start()} and {@link #close()} are no-ops.
 *
 * <pre>{@code
 * NatsBackend nats = ExternalNatsBackend.of(PluginConfig.of(
 *     "addresses", "nats://10.0.0.1:4222,nats://10.0.0.2:4222", "user", "app", "password", "secret"));
 * }</pre>
 */
public final class ExternalNatsBackend implements NatsBackend {
  private final PluginConfig config;
  private final List<String> urls;
  private final List<String> monitorUrls;

  private ExternalNatsBackend(PluginConfig config, List<String> monitorUrls) {
    this.config = config;
    this.urls = config.addresses();
    this.monitorUrls = List.copyOf(monitorUrls);
  }

  /**
   * A backend for the {@code addresses} (and credential keys) of {@code config}.
   *
   * @throws IllegalArgumentException when {@code addresses} is missing or empty
   */
  public static ExternalNatsBackend of(PluginConfig config) {
    return of(config, List.of());
  }

  /**
   * A backend for the {@code addresses} (and credential keys) of {@code config} whose servers'
   * monitoring ports are at {@code monitorUrls} ({@code http://host:8222}), so that
   * {@link #awaitInterest} works.
   *
   * @throws IllegalArgumentException when {@code addresses} is missing or empty
   */
  public static ExternalNatsBackend of(PluginConfig config, List<String> monitorUrls) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(monitorUrls, "monitorUrls");
    if (config.addresses().isEmpty()) {
      throw new IllegalArgumentException("ExternalNatsBackend needs the setting '"
          + PluginConfig.ADDRESSES + "' (comma-separated nats:// URLs), got " + config);
    }
    return new ExternalNatsBackend(config, monitorUrls);
  }

  /** A backend for plain URLs without credentials. */
  public static ExternalNatsBackend of(List<String> urls) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(PluginConfig.ADDRESSES, String.join(",", urls));
    return of(new PluginConfig(map));
  }

  @Override
  public void start() {
    // nothing to start: the deployment is managed elsewhere
  }

  @Override
  public List<String> clientUrls() {
    return urls;
  }

  @Override
  public List<String> monitorUrls() {
    return monitorUrls;
  }

  @Override
  public PluginConfig clientConfig() {
    return config;
  }

  @Override
  public void close() {
    // nothing to stop: the deployment is managed elsewhere
  }

  @Override
  public String toString() {
    return "ExternalNatsBackend" + urls;
  }
}
