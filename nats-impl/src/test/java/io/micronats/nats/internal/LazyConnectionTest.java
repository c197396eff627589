package io.micronats.nats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.spi.ClosedException;
import io.micronats.spi.plugin.PluginConfig;
import io.nats.client.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lazy connect and close-once lifecycle, on a real one-node NATS server. */
class LazyConnectionTest {

  private static NatsCluster cluster;

  @BeforeAll
  static void startServer() {
    cluster = NatsCluster.builder().nodes(1).build();
    cluster.start();
  }

  @AfterAll
  static void stopServer() {
    cluster.close();
  }

  /** Unshared, so that giving the connection back closes it and the test can see that. */
  private static PluginConfig config() {
    return PluginConfig.of("addresses", cluster.node(0).clientUrl(), "shared", "false");
  }

  private static LazyConnection lazy(PluginConfig config, Consumer<Connection> setup) {
    return new LazyConnection(config, "owner is closed",
        e -> new IllegalStateException("owner cannot reach " + config.addresses(), e), setup);
  }

  @Test
  void opensOnFirstUseOnlyAndRunsTheSetupOnce() {
    AtomicInteger setups = new AtomicInteger();
    LazyConnection link = lazy(config(), c -> setups.incrementAndGet());
    assertThat(link.current()).isNull();
    assertThat(setups).hasValue(0);
    Connection first = link.open();
    assertThat(link.open()).isSameAs(first);
    assertThat(link.current()).isSameAs(first);
    assertThat(setups).hasValue(1);
    link.close(() -> { }, c -> { });
    assertThat(first.getStatus()).isEqualTo(Connection.Status.CLOSED);
  }

  @Test
  void unreachableServerThrowsTheOwnersExceptionAndOpensNothing() {
    PluginConfig dead = PluginConfig.of("addresses", "nats://127.0.0.1:1", "connect.timeout", "300ms");
    AtomicInteger setups = new AtomicInteger();
    LazyConnection link = lazy(dead, c -> setups.incrementAndGet());
    IllegalStateException e = assertThrows(IllegalStateException.class, link::open);
    assertThat(e.getMessage()).isEqualTo("owner cannot reach [nats://127.0.0.1:1]");
    assertThat(link.current()).isNull();
    assertThat(setups).hasValue(0);
  }

  @Test
  void failedSetupGivesTheConnectionBackAndTheNextOpenTriesAgain() {
    List<Connection> seen = new CopyOnWriteArrayList<>();
    LazyConnection link = lazy(config(), c -> {
      seen.add(c);
      if (seen.size() == 1) {
        throw new IllegalArgumentException("set-up failed");
      }
    });
    assertThrows(IllegalArgumentException.class, link::open);
    assertThat(link.current()).isNull();
    assertThat(seen.get(0).getStatus()).isEqualTo(Connection.Status.CLOSED);
    Connection second = link.open();
    assertThat(seen).hasSize(2).endsWith(second);
    assertThat(second.getStatus()).isEqualTo(Connection.Status.CONNECTED);
    link.close(() -> { }, c -> { });
  }

  @Test
  void closeRunsFirstWhileConnectedThenTearsDownAndGivesTheConnectionBack() {
    LazyConnection link = lazy(config(), c -> { });
    Connection c = link.open();
    List<String> steps = new CopyOnWriteArrayList<>();
    link.close(() -> steps.add("first, current=" + (link.current() == c) + ", closed=" + link.isClosed()),
        torn -> steps.add("teardown, same=" + (torn == c) + ", current=" + link.current()
            + ", status=" + torn.getStatus()));
    assertThat(steps).containsExactly("first, current=true, closed=true",
        "teardown, same=true, current=null, status=CONNECTED");
    assertThat(c.getStatus()).isEqualTo(Connection.Status.CLOSED);
    assertThat(link.current()).isNull();
    ClosedException e = assertThrows(ClosedException.class, link::open);
    assertThat(e.getMessage()).isEqualTo("owner is closed");
  }

  @Test
  void closeBeforeOpenRunsOnlyFirstAndASecondCloseDoesNothing() {
    AtomicInteger setups = new AtomicInteger();
    LazyConnection link = lazy(config(), c -> setups.incrementAndGet());
    List<String> steps = new CopyOnWriteArrayList<>();
    link.close(() -> steps.add("first"), c -> steps.add("teardown"));
    link.close(() -> steps.add("first again"), c -> steps.add("teardown again"));
    assertThat(steps).containsExactly("first");
    assertThrows(ClosedException.class, link::open);
    assertThat(setups).hasValue(0);
  }
}
