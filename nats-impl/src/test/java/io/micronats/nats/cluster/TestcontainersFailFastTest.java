package io.micronats.nats.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Without a Docker engine the Testcontainers backend says why within seconds, never after pull time-outs. */
class TestcontainersFailFastTest {

  @Test
  void withoutAnEngineStartFailsWithinSecondsNamingTheEngine() {
    long t0 = System.nanoTime();
    assumeTrue(!TestcontainersNatsBackend.isDockerAvailable(), "a Docker engine answers here");
    try (TestcontainersNatsBackend b = TestcontainersNatsBackend.of(3, TestcontainersNatsBackend.defaultImage())) {
      DockerUnavailableException e = assertThrows(DockerUnavailableException.class, b::start);
      assertThat(e.getMessage()).contains("no Docker engine answers").contains("NatsCluster");
    }
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    assertThat(seconds).as("seconds to refuse").isLessThan(30);
  }

  @Test
  void theImageIsConfigurable() {
    assertThat(TestcontainersNatsBackend.defaultImage()).isNotBlank();
    System.setProperty(TestcontainersNatsBackend.IMAGE_PROPERTY, "registry.local/nats:2.10");
    try {
      assertThat(TestcontainersNatsBackend.defaultImage()).isEqualTo("registry.local/nats:2.10");
    } finally {
      System.clearProperty(TestcontainersNatsBackend.IMAGE_PROPERTY);
    }
  }
}
