package io.micronats.simulator.fleet;

/**
 * What a fake service does with one request: wait its handler latency and answer a payload of
 * the configured size.
 *
 * <p>Called concurrently by the RPC server's threads; must be thread-safe.
 */
@FunctionalInterface
public interface EndpointHandler {
  /** Answers a request to {@code endpoint}. */
  byte[] handle(String endpoint, byte[] request) throws Exception;
}
