package io.micronats.nats.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Node control called from a thread whose interrupt flag is set. */
class NatsNodeInterruptTest {
  private NatsCluster cluster;

  @AfterEach
  void closeCluster() {
    Thread.interrupted();
    if (cluster != null) {
      cluster.close();
    }
  }

  private NatsNode startedNode() {
    cluster = NatsCluster.builder().nodes(1).clusterName("interrupt-test").build();
    cluster.start();
    return cluster.node(0);
  }

  @Test
  void interruptedStopStillWaitsForTheExitAndRestartSucceeds() {
    NatsNode node = startedNode();
    long pid = node.pid();

    Thread.currentThread().interrupt();
    node.stop();

    boolean stillInterrupted = Thread.interrupted(); // also clears it for the restart
    assertThat(stillInterrupted).as("the interrupt flag is restored").isTrue();
    assertThat(node.isRunning()).as("stop() returned only after the process exited").isFalse();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

    node.restart();

    assertThat(node.isRunning()).isTrue();
    assertThat(node.pid()).isNotEqualTo(pid);
    assertThat(node.varz().serverName()).isEqualTo(node.name());
  }

  @Test
  void interruptedKillStillWaitsForTheExit() {
    NatsNode node = startedNode();
    long pid = node.pid();

    Thread.currentThread().interrupt();
    node.kill();

    assertThat(Thread.interrupted()).as("the interrupt flag is restored").isTrue();
    assertThat(node.isRunning()).isFalse();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    node.restart();
    assertThat(node.isRunning()).isTrue();
  }

  @Test
  void interruptedStopOfAPausedNodeStillEndsIt() {
    NatsNode node = startedNode();
    node.pause();

    Thread.currentThread().interrupt();
    node.stop();

    assertThat(Thread.interrupted()).isTrue();
    assertThat(node.isRunning()).isFalse();
    node.restart();
    cluster.awaitRoutes(Duration.ofSeconds(20));
    assertThat(node.isPaused()).isFalse();
    assertThat(node.varz().serverName()).isEqualTo(node.name());
  }
}
