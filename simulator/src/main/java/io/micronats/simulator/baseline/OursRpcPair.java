package io.micronats.simulator.baseline;

import io.micronats.simulator.fleet.PluginSet;
import io.micronats.simulator.fleet.RpcBinding;
import io.micronats.simulator.load.Call;
import io.micronats.spi.registry.Endpoint;
import io.micronats.spi.registry.Service;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * micronats request/reply for the comparison: one service (one instance) served through the RPC
 * binding on the service node, called through the binding's caller on the client node.
 * Close is idempotent.
 */
final class OursRpcPair implements RpcPair {
  static final String SERVICE = "sim-bench-rpc";
  static final String ENDPOINT = "Bench.Echo";
  private final PluginSet server;
  private final PluginSet client;
  private final RpcBinding.Served served;
  private final RpcBinding.Caller caller;
  private final byte[] payload;
  private final Duration timeout;

  OursRpcPair(RpcBinding binding, PluginSet server, PluginSet client, int payloadBytes, Duration timeout) throws Exception {
    this.server = server;
    this.client = client;
    this.payload = new byte[payloadBytes];
    this.timeout = timeout;
    byte[] reply = new byte[payloadBytes];
    this.served = binding.serve(server, new Service(SERVICE, "1.0.0", Map.of(), List.of(Endpoint.of(ENDPOINT)), List.of()),
        SERVICE + "-0", (endpoint, request) -> reply);
    this.caller = binding.caller(client);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        caller.call(SERVICE, ENDPOINT, payload, Duration.ofSeconds(1));
        return;
      } catch (Exception e) {
        last = e;
        Thread.sleep(20);
      }
    }
    close();
    throw new IllegalStateException("bench service not reachable within 10s: " + last, last);
  }

  @Override
  public Call call() {
    return (index, intended) -> caller.call(SERVICE, ENDPOINT, payload, timeout);
  }

  @Override
  public void close() {
    caller.close();
    served.close();
    client.close();
    server.close();
  }
}
