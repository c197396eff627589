package io.micronats.simulator.fleet;

import io.micronats.spi.Message;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import io.micronats.spi.rpc.RpcClient;
import io.micronats.spi.rpc.RpcServer;
import io.micronats.spi.rpc.Selectors;
import java.time.Duration;

/**
 * RPC through the SPI's RPC layer: every fake service instance is an {@link RpcServer} on its
 * plugin set's transport and registry (through a {@link CrashGatedRegistry}, so that a crashed set's
 * servers neither refresh nor deregister); callers are {@link RpcClient}s (random selector, the
 * client's registry cache).
 *
 * <p>Thread-safe.
 */
public final class SpiRpcBinding implements RpcBinding {
  private final Duration ttl;

  /** A binding whose servers register with {@code ttl} (re-registering every ttl/3). */
  public SpiRpcBinding(Duration ttl) {
    this.ttl = ttl;
  }

  @Override
  public String name() {
    return "spi-rpc";
  }

  @Override
  public Served serve(PluginSet set, Service service, String nodeId, EndpointHandler handler) {
    RpcServer.Builder builder = RpcServer.builder().name(service.name()).version(service.version())
        .transport(set.transport()).registry(new CrashGatedRegistry(set)).ttl(ttl).metadata("node", nodeId);
    service.endpoints().forEach(e -> builder.endpoint(e.name(),
        request -> Message.of(handler.handle(e.name(), request.body()))));
    RpcServer server = builder.build().start();
    Service registered = service.withNodes(java.util.List.of(
        Node.of(server.nodeId(), server.address())));
    return new Served() {
      @Override
      public Service service() {
        return registered;
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  @Override
  public Caller caller(PluginSet set) {
    RpcClient client = RpcClient.builder().transport(set.transport()).registry(set.registry())
        .selector(Selectors.random()).build();
    return new Caller() {
      @Override
      public byte[] call(String service, String endpoint, byte[] request, Duration timeout) throws Exception {
        return client.call(service, endpoint, Message.of(request), timeout).body();
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }
}
