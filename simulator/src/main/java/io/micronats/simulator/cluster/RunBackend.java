package io.micronats.simulator.cluster;

import io.micronats.nats.cluster.AuthLayout;
import io.micronats.nats.cluster.ExternalNatsBackend;
import io.micronats.nats.cluster.NatsBackend;
import io.micronats.nats.cluster.NatsCluster;
import io.micronats.nats.cluster.TestcontainersNatsBackend;
import io.micronats.nats.cluster.TlsLayout;
import io.micronats.simulator.scenario.Layout;
import io.micronats.simulator.scenario.Security;
import io.micronats.spi.plugin.PluginConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NATS servers of one run, whatever provides them: local processes ({@link NatsCluster}),
 * containers, or an existing cluster's URLs. Gives client URLs per node (for placement), the
 * monitoring URLs (empty for an external cluster) and the client settings.
 *
 * <p>Lifecycle: {@link #start(Layout, List)} starts it; {@link #close()} is idempotent and stops
 * whatever was started. Thread-safe after start.
 */
public final class RunBackend implements AutoCloseable {
  private final NatsBackend backend;
  private final List<String> monitorUrls;
  private final String description;

  private RunBackend(NatsBackend backend, List<String> monitorUrls, String description) {
    this.backend = backend;
    this.monitorUrls = List.copyOf(monitorUrls);
    this.description = description;
  }

  /**
   * Starts the backend the layout describes, or uses {@code externalUrls} when not empty.
   *
   * @throws io.micronats.nats.cluster.NatsServerException when a local node does not start
   */
  public static RunBackend start(Layout layout, List<String> externalUrls) {
    if (!externalUrls.isEmpty() || layout.backend() == Layout.Backend.EXTERNAL) {
      List<String> urls = externalUrls.isEmpty() ? layout.urls() : externalUrls;
      ExternalNatsBackend external = ExternalNatsBackend.of(urls);
      external.start();
      return new RunBackend(external, List.of(), "external " + String.join(",", urls));
    }
    if (layout.backend() == Layout.Backend.TESTCONTAINERS) {
      java.util.Optional<String> unavailable = TestcontainersNatsBackend.unavailableReason();
      if (unavailable.isPresent()) {
        throw new UnsupportedOperationException("layout.backend is testcontainers, but " + unavailable.get());
      }
      TestcontainersNatsBackend containers = TestcontainersNatsBackend.of(layout.nodes(), TestcontainersNatsBackend.defaultImage());
      containers.start();
      return new RunBackend(containers, containers.monitorUrls(), "testcontainers x" + layout.nodes());
    }
    NatsCluster cluster = NatsCluster.builder().nodes(layout.nodes()).tls(tls(layout.security()))
        .auth(auth(layout.security()))
        .linkProxies(layout.linkProxies()).build();
    try {
      cluster.start();
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return new RunBackend(cluster, cluster.monitorUrls(), "local nats-server x" + layout.nodes());
  }

  /** Wraps an already started backend (the caller keeps ownership of nothing; close() closes it). */
  public static RunBackend of(NatsBackend started, List<String> monitorUrls, String description) {
    return new RunBackend(started, monitorUrls, description);
  }

  /**
   * The servers enforce the declared authentication (issue 15): with the declared user, password
   * or token when the security settings give them, else with generated ones.
   */
  private static AuthLayout auth(Security security) {
    Map<String, String> given = security.settings();
    String generated = UUID.randomUUID().toString().replace("-", "");
    return switch (security.auth()) {
      case NONE -> AuthLayout.none();
      case USER_PASSWORD -> AuthLayout.userPassword(
          given.getOrDefault("user", "micronats"), given.getOrDefault("password", generated));
      case TOKEN -> AuthLayout.token(given.getOrDefault("token", generated));
      case NKEY -> AuthLayout.nkey();
      case CREDS -> AuthLayout.creds();
    };
  }

  private static TlsLayout tls(Security security) {
    return switch (security.tls()) {
      case NONE -> TlsLayout.NONE;
      case TLS -> TlsLayout.TLS;
      case MUTUAL -> TlsLayout.MUTUAL_TLS;
    };
  }

  /** The local cluster, for node control and link faults; empty for other backends. */
  public java.util.Optional<NatsCluster> localCluster() {
    return backend instanceof NatsCluster c ? java.util.Optional.of(c) : java.util.Optional.empty();
  }

  /** Client URL of every node, in node order. */
  public List<String> clientUrls() {
    return backend.clientUrls();
  }

  /** Monitoring base URLs; empty when the backend does not expose them. */
  public List<String> monitorUrls() {
    return monitorUrls;
  }

  /** Client settings (addresses of all nodes plus credentials and TLS). */
  public PluginConfig clientConfig() {
    return backend.clientConfig();
  }

  /**
   * Client settings that connect to one node only (placement): the backend's credentials with
   * {@code addresses} set to that node's URL.
   */
  public PluginConfig configForNode(int node) {
    List<String> urls = clientUrls();
    return clientConfig().with(PluginConfig.ADDRESSES, urls.get(node % urls.size()));
  }

  /** The underlying backend, for callers that need node control. */
  public NatsBackend backend() {
    return backend;
  }

  /** One phrase describing the backend ("local nats-server x3"). */
  public String description() {
    return description;
  }

  /** The nats-server version from the first monitoring endpoint, or "unknown". */
  public String serverVersion() {
    if (monitorUrls.isEmpty()) {
      return "unknown";
    }
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(monitorUrls.get(0) + "/varz"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      Matcher m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
      return m.find() ? m.group(1) : "unknown";
    } catch (IOException | IllegalArgumentException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  /** Settings of the layout's security profile passed to every plugin instance. */
  public static Map<String, String> securitySettings(Security security) {
    return security.settings();
  }

  /** Human-readable lines: one per node with client and monitoring URLs. */
  public List<String> describeNodes() {
    List<String> lines = new ArrayList<>();
    List<String> urls = clientUrls();
    for (int i = 0; i < urls.size(); i++) {
      lines.add("node " + i + ": " + urls.get(i) + (i < monitorUrls.size() ? "  monitor " + monitorUrls.get(i) : ""));
    }
    return lines;
  }

  @Override
  public void close() {
    backend.close();
  }
}
