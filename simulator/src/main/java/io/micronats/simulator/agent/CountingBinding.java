package io.micronats.simulator.agent;

import io.micronats.simulator.fleet.EndpointHandler;
import io.micronats.simulator.fleet.PluginSet;
import io.micronats.simulator.fleet.RpcBinding;
import io.micronats.spi.registry.Service;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntPredicate;

/**
 * An {@link RpcBinding} that delegates to another and counts the successful calls of its callers
 * by where the target service runs: in this agent ({@code local}) or in another one
 * ({@code remote}), which proves that calls crossed agents.
 *
 * <p>Thread-safe.
 */
final class CountingBinding implements RpcBinding {
  private final RpcBinding delegate;
  private final IntPredicate hostedHere;
  private final LongAdder local = new LongAdder();
  private final LongAdder remote = new LongAdder();

  CountingBinding(RpcBinding delegate, IntPredicate hostedHere) {
    this.delegate = delegate;
    this.hostedHere = hostedHere;
  }

  /** Successful calls to services this agent hosts. */
  long localCalls() {
    return local.sum();
  }

  /** Successful calls to services other agents host. */
  long remoteCalls() {
    return remote.sum();
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public Served serve(PluginSet set, Service service, String nodeId, EndpointHandler handler) throws Exception {
    return delegate.serve(set, service, nodeId, handler);
  }

  @Override
  public Caller caller(PluginSet set) {
    Caller c = delegate.caller(set);
    return new Caller() {
      @Override
      public byte[] call(String service, String endpoint, byte[] request, Duration timeout) throws Exception {
        byte[] reply = c.call(service, endpoint, request, timeout);
        (hostedHere.test(index(service)) ? local : remote).increment();
        return reply;
      }

      @Override
      public void close() {
        c.close();
      }
    };
  }

  /** The fleet index of a service named like {@code svc-00042}, or -1. */
  static int index(String service) {
    int dash = service.lastIndexOf('-');
    try {
      return dash < 0 ? -1 : Integer.parseInt(service.substring(dash + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
