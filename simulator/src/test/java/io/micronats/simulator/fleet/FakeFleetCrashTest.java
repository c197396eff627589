package io.micronats.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.simulator.scenario.Fleet;
import io.micronats.simulator.scenario.LatencyDistribution;
import io.micronats.spi.plugin.PluginConfig;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Crashing fake-service instances on a real local NATS server: the crash and the fleet's close
 * stay quiet (nothing deregisters or refreshes through a closed registry), and
 * {@link FakeFleet#restartCrashed()} brings the crashed instances back so that they answer calls
 * again.
 */
class FakeFleetCrashTest {
  /** Short, so that the servers refresh their registration every ~330 ms while crashed. */
  private static final Duration TTL = Duration.ofSeconds(1);
  private static final Duration CALL_TIMEOUT = Duration.ofMillis(500);
  private static final byte[] REQUEST = new byte[16];

  /** Six services of one instance, two per connection: three plugin sets. */
  private static final Fleet SHAPE = Fleet.builder().services(6).instancesPerService(1)
      .endpointsPerService(1).handlerLatency(LatencyDistribution.NONE).requestBytes(16).responseBytes(16)
      .servicesPerConnection(2).topicsPerService(1).queueGroupShare(0).build();

  @Test
  void crashedInstancesCloseQuietlyAndComeBackOnRestart() throws Exception {
    try (NatsCluster cluster = NatsCluster.builder().nodes(1).clusterName("fleet-crash").build()) {
      cluster.start();
      PluginConfig config = cluster.clientConfig();
      SpiRpcBinding binding = new SpiRpcBinding(TTL);
      try (LogCapture logs = LogCapture.start();
          PluginSet client = PluginSet.create("nats", config.with("name", "fleet-crash-client"), "client", 0);
          RpcBinding.Caller caller = binding.caller(client)) {
        FakeFleet fleet = new FakeFleet(SHAPE, binding,
            g -> PluginSet.create("nats", config.with("name", "fleet-crash-" + g), "fleet-" + g, 0), 7);
        try {
          fleet.growTo(6);
          assertThat(fleet.connections()).isEqualTo(3);
          for (int i = 0; i < 6; i++) {
            awaitAnswer(caller, i);
          }

          // crash the set hosting services 0 and 1, and the one hosting 4 and 5
          assertThat(fleet.crashHostOf(FleetNames.node(0, 0))).isTrue();
          assertThat(fleet.crashHostOf(FleetNames.node(1, 0))).as("already down with its set").isFalse();
          assertThat(fleet.crashHostOf(FleetNames.node(5, 0))).isTrue();
          assertThat(fleet.crashedNodeIds()).containsExactly(FleetNames.node(0, 0), FleetNames.node(1, 0),
              FleetNames.node(4, 0), FleetNames.node(5, 0));
          assertThat(fleet.liveNodeIds()).containsExactly(FleetNames.node(2, 0), FleetNames.node(3, 0));
          assertThat(fleet.size()).as("crashed services still count").isEqualTo(6);
          awaitFailure(caller, 0);
          awaitFailure(caller, 5);
          // several refresh periods pass while crashed: nobody may refresh through the closed registry
          Thread.sleep(TTL.toMillis() * 3 / 2);

          assertThat(fleet.restartCrashed(List.of(FleetNames.node(4, 0), FleetNames.node(5, 0), FleetNames.node(2, 0))))
              .as("only the crashed ones asked for").containsExactly(FleetNames.node(4, 0), FleetNames.node(5, 0));
          assertThat(fleet.crashedNodeIds()).containsExactly(FleetNames.node(0, 0), FleetNames.node(1, 0));
          List<String> restarted = fleet.restartCrashed();
          assertThat(restarted).containsExactly(FleetNames.node(0, 0), FleetNames.node(1, 0));
          assertThat(fleet.crashedNodeIds()).isEmpty();
          assertThat(fleet.liveNodeIds()).hasSize(6);
          assertThat(fleet.connections()).as("the crashed set was replaced, not added").isEqualTo(3);
          assertThat(fleet.restartCrashed()).as("nothing left to restart").isEmpty();
          long handled = fleet.requestsHandled();
          for (int i : new int[] {0, 1, 4, 5}) {
            awaitAnswer(caller, i);
          }
          assertThat(fleet.requestsHandled()).as("the restarted instances answered").isGreaterThanOrEqualTo(handled + 4);

          // crash again (the restarted set and another one) and close the fleet while they are down
          assertThat(fleet.crashHostOf(FleetNames.node(0, 0))).isTrue();
          assertThat(fleet.crashHostOf(FleetNames.node(4, 0))).isTrue();
          assertThat(fleet.liveNodeIds()).containsExactly(FleetNames.node(2, 0), FleetNames.node(3, 0));
        } finally {
          fleet.close();
        }
        fleet.close(); // idempotent
        assertThat(logs.warnings()).as("no warning or error logged by the crashes, restart and close").isEmpty();
        assertThat(logs.stderr()).as("nothing about a closed registry or a stack trace on stderr")
            .doesNotContain("ClosedException").doesNotContain("\tat ").doesNotContain(" WARN ").doesNotContain(" ERROR ");
      }
    }
  }

  @Test
  void growingIntoACrashedSetStartsAFreshOneAndLeavesTheCrashedInstanceDown() throws Exception {
    try (NatsCluster cluster = NatsCluster.builder().nodes(1).clusterName("fleet-regrow").build()) {
      cluster.start();
      PluginConfig config = cluster.clientConfig();
      SpiRpcBinding binding = new SpiRpcBinding(TTL);
      try (LogCapture logs = LogCapture.start();
          PluginSet client = PluginSet.create("nats", config.with("name", "fleet-regrow-client"), "client", 0);
          RpcBinding.Caller caller = binding.caller(client)) {
        try (FakeFleet fleet = new FakeFleet(SHAPE, binding,
            g -> PluginSet.create("nats", config.with("name", "fleet-regrow-" + g), "fleet-" + g, 0), 7)) {
          fleet.growTo(1); // set 0 holds service 0 and has room for one more
          awaitAnswer(caller, 0);
          assertThat(fleet.crashHostOf(FleetNames.node(0, 0))).isTrue();
          fleet.growTo(2); // service 1 belongs on set 0, which crashed: it gets a fresh set 0
          assertThat(fleet.connections()).isEqualTo(1);
          awaitAnswer(caller, 1);
          assertThat(fleet.liveNodeIds()).containsExactly(FleetNames.node(1, 0));
          assertThat(fleet.crashedNodeIds()).containsExactly(FleetNames.node(0, 0));
          assertThat(fleet.restartCrashed()).containsExactly(FleetNames.node(0, 0));
          assertThat(fleet.connections()).isEqualTo(1);
          awaitAnswer(caller, 0);
          awaitAnswer(caller, 1);
        }
        assertThat(logs.warnings()).isEmpty();
        assertThat(logs.stderr()).doesNotContain("ClosedException").doesNotContain(" WARN ");
      }
    }
  }

  private static void awaitAnswer(RpcBinding.Caller caller, int service) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        assertThat(caller.call(FleetNames.service(service), FleetNames.endpoint(0), REQUEST, CALL_TIMEOUT)).hasSize(16);
        return;
      } catch (Exception e) {
        last = e;
        Thread.sleep(50);
      }
    }
    throw new AssertionError("service " + service + " did not answer within 20 s; last failure: " + last, last);
  }

  private static void awaitFailure(RpcBinding.Caller caller, int service) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        caller.call(FleetNames.service(service), FleetNames.endpoint(0), REQUEST, CALL_TIMEOUT);
        Thread.sleep(50);
      } catch (Exception e) {
        return;
      }
    }
    throw new AssertionError("crashed service " + service + " still answered after 20 s");
  }

  /**
   * Captures WARNING and above from java.util.logging (where {@code System.Logger} goes by default)
   * and everything written to {@code System.err} (where slf4j-simple writes), while still passing
   * stderr through.
   */
  private static final class LogCapture implements AutoCloseable {
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream original = System.err;
    private final Handler handler = new Handler() {
      @Override
      public void publish(LogRecord r) {
        if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
              + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };

    static LogCapture start() {
      LogCapture c = new LogCapture();
      Logger.getLogger("").addHandler(c.handler);
      OutputStream tee = new OutputStream() {
        @Override
        public void write(int b) {
          synchronized (c.err) {
            c.err.write(b);
          }
          c.original.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          synchronized (c.err) {
            c.err.write(b, off, len);
          }
          c.original.write(b, off, len);
        }
      };
      System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
      return c;
    }

    List<String> warnings() {
      return List.copyOf(warnings);
    }

    String stderr() {
      synchronized (err) {
        return err.toString(StandardCharsets.UTF_8);
      }
    }

    @Override
    public void close() {
      System.setErr(original);
      Logger.getLogger("").removeHandler(handler);
    }
  }
}
