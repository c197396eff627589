package io.micronats.simulator.fleet;

import io.micronats.spi.registry.Service;
import java.time.Duration;

/**
 * How fake services serve RPC and how load generators call them, on top of a {@link PluginSet}.
 * Lets the simulator use the SPI's RPC layer, or plain transport sockets where it is absent.
 *
 * <p>Implementations are thread-safe.
 */
public interface RpcBinding {

  /** A running server of one service instance; close deregisters and stops listening. */
  interface Served extends AutoCloseable {
    /** The service as registered (with its node). */
    Service service();

    @Override
    void close();
  }

  /** A client that calls services by name. Thread-safe. */
  interface Caller extends AutoCloseable {
    /**
     * Calls {@code endpoint} of a node of {@code service} and returns the reply body.
     *
     * @throws Exception the RPC layer's failure (timeout, no responders, remote error, ...)
     */
    byte[] call(String service, String endpoint, byte[] request, Duration timeout) throws Exception;

    @Override
    void close();
  }

  /** A short name for results ("spi-rpc", "transport-sockets"). */
  String name();

  /**
   * Starts serving {@code service} (its single node's id given) on {@code set} and registers it.
   */
  Served serve(PluginSet set, Service service, String nodeId, EndpointHandler handler) throws Exception;

  /** A caller on {@code set}. */
  Caller caller(PluginSet set);
}
