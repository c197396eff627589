package io.micronats.nats.cluster;

import io.micronats.spi.plugin.PluginConfig;
import java.time.Duration;
import java.util.List;

/**
 * A NATS deployment that clients can connect to: local {@code nats-server} processes
 * ({@link NatsCluster}), containers ({@link TestcontainersNatsBackend}), or an existing cluster
 * ({@link ExternalNatsBackend}).
 *
 * <p>Implementations are thread-safe. Lifecycle: {@link #start()} (idempotent) before asking for
 * URLs, {@link #close()} (idempotent, bounded) to release whatever the backend started; a backend
 * that starts nothing treats both as no-ops.
 *
 * <pre>{@code
 * try (NatsBackend nats = NatsCluster.builder().nodes(3).build()) {
 *   nats.start();
 *   PluginConfig config = nats.clientConfig();   // addresses + credentials for NatsSettings
 * }
 * }</pre>
 */
public interface NatsBackend extends AutoCloseable {

  /**
   * Starts the backend if it is not running yet and waits until it is ready.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  void start();

  /**
   * The client URLs of every server, for example {@code nats://127.0.0.1:4222}.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  List<String> clientUrls();

  /** The client URLs joined with commas, the form of the {@code addresses} setting. */
  default String connectString() {
    return String.join(",", clientUrls());
  }

  /**
   * The settings a client needs: {@code addresses} plus the credential and TLS keys of
   * {@code io.micronats.nats.connection.NatsSettings}.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  PluginConfig clientConfig();

  /**
   * The monitoring base URLs ({@code http://host:8222}) of the servers, empty when unknown.
   *
   * @throws IllegalStateException before {@link #start()}
   */
  default List<String> monitorUrls() {
    return List.of();
  }

  /**
   * Waits until a subscription matching {@code subject} is visible on every server; see
   * {@link InterestWaiter}.
   *
   * @throws InterestTimeoutException naming the servers still lacking interest
   * @throws IllegalStateException when the backend knows no monitoring URLs
   */
  default void awaitInterest(String subject, Duration timeout) {
    List<String> urls = monitorUrls();
    if (urls.isEmpty()) {
      throw new IllegalStateException(this + " knows no monitoring URLs: cannot observe interest");
    }
    InterestWaiter.of(urls).await(subject, timeout);
  }

  /** Stops everything the backend started; idempotent and bounded. */
  @Override
  void close();
}
