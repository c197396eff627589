package io.micronats.simulator.baseline;

import io.micronats.simulator.load.Call;

/**
 * A request/reply setup for one side of a comparison (ours or raw): a server on the service node,
 * a client on the client node, and the call the load generator repeats. Closing stops both.
 */
public interface RpcPair extends AutoCloseable {
  /** One request/reply round trip; throws on timeout or error. */
  Call call();

  @Override
  void close();
}
