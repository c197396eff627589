package io.micronats.nats.cluster;

import io.micronats.spi.plugin.PluginConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A NATS cluster in Docker containers of the official {@code nats} image, one per node, with
 * full-mesh routes on a private network.
 *
 * <p>Clients use the mapped host ports; servers run with {@code --no_advertise} so clients are not
 * handed container-internal addresses. Needs {@code org.testcontainers:testcontainers} (an
 * optional dependency of nats-impl) and a running Docker engine; {@link #start()} throws
 * {@link DockerUnavailableException} otherwise. No auth or TLS layouts. Thread-safe.
 */
public final class TestcontainersNatsBackend implements NatsBackend {
  /** The default image. */
  public static final String DEFAULT_IMAGE = "nats:2.9-alpine";
  /** System property choosing the image {@link #defaultImage()} returns. */
  public static final String IMAGE_PROPERTY = "micronats.nats.image";
  /** Environment variable choosing the image, when the system property is not set. */
  public static final String IMAGE_VARIABLE = "MICRONATS_NATS_IMAGE";
  private static final int CLIENT_PORT = 4222;
  private static final int MONITOR_PORT = 8222;

  private final int nodes;
  private final String image;
  private final Object lock = new Object();
  private final List<GenericContainer<?>> containers = new ArrayList<>();
  private @Nullable Network network;
  private boolean started;
  private boolean closed;

  private TestcontainersNatsBackend(int nodes, String image) {
    this.nodes = nodes;
    this.image = image;
  }

  /**
   * An unstarted backend of {@code nodes} containers of {@code image}; does no I/O.
   *
   * @throws IllegalArgumentException when nodes is not 1..9
   */
  public static TestcontainersNatsBackend of(int nodes, String image) {
    if (nodes < 1 || nodes > 9) {
      throw new IllegalArgumentException("nodes must be 1..9, got " + nodes);
    }
    return new TestcontainersNatsBackend(nodes, Objects.requireNonNull(image, "image"));
  }

  /**
   * The image to run: system property {@value #IMAGE_PROPERTY}, else environment variable
   * {@value #IMAGE_VARIABLE}, else {@value #DEFAULT_IMAGE}. Offline engines need it present
   * locally ({@code docker pull} it once); Testcontainers' own Ryuk container is switched off with
   * {@code TESTCONTAINERS_RYUK_DISABLED=true}.
   */
  public static String defaultImage() {
    String property = System.getProperty(IMAGE_PROPERTY);
    if (property != null && !property.isBlank()) {
      return property.trim();
    }
    String variable = System.getenv(IMAGE_VARIABLE);
    return variable != null && !variable.isBlank() ? variable.trim() : DEFAULT_IMAGE;
  }

  /**
   * Why this backend cannot start here, naming what is missing and the fix; empty when
   * Testcontainers is on the class path and a Docker engine answers. Never throws.
   */
  public static java.util.Optional<String> unavailableReason() {
    try {
      Class.forName("org.testcontainers.DockerClientFactory", false, TestcontainersNatsBackend.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return java.util.Optional.of("org.testcontainers:testcontainers is not on the class path (./micronats brings it; "
          + "a build using nats-impl adds it, it is an optional dependency)");
    }
    if (!isDockerAvailable()) {
      String host = System.getenv("DOCKER_HOST");
      return java.util.Optional.of("no Docker engine answers (" + (host != null ? "DOCKER_HOST=" + host
          : "no DOCKER_HOST, /var/run/docker.sock") + "): start one, or use local nats-server processes (NatsCluster, "
          + "layout backend: local)");
    }
    return java.util.Optional.empty();
  }

  /**
   * Whether Testcontainers is on the class path and a Docker engine answers. Never throws.
   */
  public static boolean isDockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (LinkageError | RuntimeException e) {
      return false;
    }
  }

  /**
   * Starts the containers and waits until each logs that it is ready.
   *
   * @throws DockerUnavailableException when Docker or Testcontainers is missing
   * @throws IllegalStateException after {@link #close()}
   */
  @Override
  public void start() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("TestcontainersNatsBackend was closed");
      }
      if (started) {
        return;
      }
      java.util.Optional<String> reason = unavailableReason();
      if (reason.isPresent()) {
        throw new DockerUnavailableException("Docker is not available: " + reason.get(), null);
      }
      try {
        Network net = Network.newNetwork();
        network = net;
        List<String> routes = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
          routes.add("nats://nats" + i + ":6222");
        }
        for (int i = 0; i < nodes; i++) {
          GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image))
              .withNetwork(net).withNetworkAliases("nats" + i)
              .withExposedPorts(CLIENT_PORT, MONITOR_PORT)
              .withCommand("--name", "nats" + i, "--cluster_name", "micronats",
                  "--cluster", "nats://0.0.0.0:6222", "--routes", String.join(",", routes),
                  "--http_port", Integer.toString(MONITOR_PORT), "--no_advertise")
              .waitingFor(Wait.forLogMessage(".*Server is ready.*", 1)
                  .withStartupTimeout(Duration.ofSeconds(60)));
          containers.add(c);
          c.start();
        }
        started = true;
      } catch (RuntimeException e) {
        stopAll();
        throw e;
      }
    }
  }

  @Override
  public List<String> clientUrls() {
    synchronized (lock) {
      requireStarted();
      List<String> urls = new ArrayList<>();
      for (GenericContainer<?> c : containers) {
        urls.add("nats://" + c.getHost() + ":" + c.getMappedPort(CLIENT_PORT));
      }
      return urls;
    }
  }

  /** The monitoring base URLs (mapped ports). */
  @Override
  public List<String> monitorUrls() {
    synchronized (lock) {
      requireStarted();
      List<String> urls = new ArrayList<>();
      for (GenericContainer<?> c : containers) {
        urls.add("http://" + c.getHost() + ":" + c.getMappedPort(MONITOR_PORT));
      }
      return urls;
    }
  }

  @Override
  public PluginConfig clientConfig() {
    return new PluginConfig(Map.of(PluginConfig.ADDRESSES, connectString()));
  }

  /** Stops and removes the containers and the network; idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      stopAll();
    }
  }

  private void requireStarted() {
    if (!started || closed) {
      throw new IllegalStateException("TestcontainersNatsBackend is not started");
    }
  }

  private void stopAll() {
    for (GenericContainer<?> c : containers) {
      try {
        c.stop();
      } catch (RuntimeException e) {
        // best effort: Testcontainers' Ryuk container removes leftovers when the JVM exits
      }
    }
    containers.clear();
    Network net = network;
    if (net != null) {
      try {
        net.close();
      } catch (RuntimeException e) {
        // best effort, see above
      }
      network = null;
    }
  }
}
