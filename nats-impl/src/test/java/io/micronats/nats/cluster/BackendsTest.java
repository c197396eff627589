package io.micronats.nats.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsTest {

  @Test
  void externalBackendHandsOutItsUrlsAndCredentials() {
    NatsBackend b = ExternalNatsBackend.of(PluginConfig.of("addresses", "nats://10.0.0.1:4222, nats://10.0.0.2:4222",
        "user", "u", "password", "p"));
    b.start();

    assertThat(b.clientUrls()).containsExactly("nats://10.0.0.1:4222", "nats://10.0.0.2:4222");
    assertThat(b.connectString()).isEqualTo("nats://10.0.0.1:4222,nats://10.0.0.2:4222");
    assertThat(b.clientConfig().get("user")).contains("u");
    b.close();
  }

  @Test
  void externalBackendWaitsForInterestThroughGivenMonitoringUrls() throws Exception {
    try (NatsCluster cluster = NatsCluster.builder().nodes(2).build()) {
      cluster.start();
      NatsBackend external = ExternalNatsBackend.of(cluster.clientConfig(), cluster.monitorUrls());
      Connection c = Nats.connect(cluster.node(1).clientUrl());
      try {
        c.subscribe("ext.interest", "workers");
        c.flush(Duration.ofSeconds(5));

        external.awaitInterest("ext.interest", Duration.ofSeconds(20));
      } finally {
        c.close();
      }
      assertThrows(IllegalStateException.class,
          () -> ExternalNatsBackend.of(cluster.clientConfig()).awaitInterest("x", Duration.ofMillis(10)));
    }
  }

  @Test
  void externalBackendNeedsAddresses() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ExternalNatsBackend.of(PluginConfig.of("user", "u")));

    assertThat(e.getMessage()).contains("addresses");
  }

  @Test
  void localClusterIsABackend() throws Exception {
    try (NatsBackend b = NatsCluster.builder().nodes(1).build()) {
      b.start();
      Connection c = Nats.connect(b.connectString());
      c.flush(Duration.ofSeconds(5));
      c.close();
      assertThat(b.clientConfig().addresses()).isEqualTo(b.clientUrls());
    }
  }

  @Test
  void testcontainersBackendFailsWithATypedExceptionWithoutDocker() {
    assumeTrue(!TestcontainersNatsBackend.isDockerAvailable(), "Docker is available here");
    try (TestcontainersNatsBackend b = TestcontainersNatsBackend.of(3, TestcontainersNatsBackend.DEFAULT_IMAGE)) {

      DockerUnavailableException e = assertThrows(DockerUnavailableException.class, b::start);

      assertThat(e.getMessage()).contains("Docker is not available").contains("NatsCluster");
    }
  }

  @Test
  void testcontainersBackendRunsAClusterWhenDockerIsAvailable() throws Exception {
    assumeTrue(TestcontainersNatsBackend.isDockerAvailable(),
        "no Docker engine: the Testcontainers backend is skipped (use NatsCluster)");
    try (TestcontainersNatsBackend b = TestcontainersNatsBackend.of(2, TestcontainersNatsBackend.DEFAULT_IMAGE)) {
      b.start();
      List<String> urls = b.clientUrls();
      assertThat(urls).hasSize(2);
      Connection c = Nats.connect(urls.get(0));
      c.flush(Duration.ofSeconds(5));
      c.close();
      InterestWaiter.of(b.monitorUrls()).hasInterest("nothing");
    }
  }
}
