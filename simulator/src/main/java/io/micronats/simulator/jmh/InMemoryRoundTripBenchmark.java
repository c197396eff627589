package io.micronats.simulator.jmh;

import io.micronats.spi.Message;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.rpc.RpcClient;
import io.micronats.spi.rpc.RpcServer;
import io.micronats.spi.transport.Transport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The in-memory implementation's costs: an RPC round trip (RpcClient to RpcServer over the
 * in-memory transport) and a registry cache lookup (RpcClient.lookup, answered from its cache).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InMemoryRoundTripBenchmark {
  private Transport transport;
  private Registry registry;
  private RpcServer server;
  private RpcClient client;
  private final Message request = Message.of(new byte[128]);

  /** Starts a server and a client in a private namespace. */
  @Setup(Level.Trial)
  public void setUp() throws InterruptedException {
    PluginConfig config = PluginConfig.of(PluginConfig.NAMESPACE, "jmh-" + System.nanoTime());
    transport = Plugins.transport("memory", config);
    registry = Plugins.registry("memory", config);
    server = RpcServer.builder().name("jmh-echo").transport(transport).registry(registry)
        .endpoint("Echo.Call", m -> m).build().start();
    client = RpcClient.builder().transport(transport).registry(registry).build();
    client.call("jmh-echo", "Echo.Call", request, Duration.ofSeconds(5));
  }

  /** Stops everything. */
  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
    server.close();
    registry.close();
    transport.close();
  }

  /** One RPC round trip with a 128-byte body. */
  @Benchmark
  public Message roundTrip() throws InterruptedException {
    return client.call("jmh-echo", "Echo.Call", request, Duration.ofSeconds(5));
  }

  /** One cached registry lookup. */
  @Benchmark
  public List<?> cachedLookup() throws InterruptedException {
    return client.lookup("jmh-echo");
  }
}
