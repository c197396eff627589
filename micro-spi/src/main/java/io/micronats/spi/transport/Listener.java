package io.micronats.spi.transport;

/**
 * A transport listener: the server side of a {@link Transport}, accepting connections at one
 * address.
 *
 * <p>Thread-safe. Closing it stops accepting and closes the connections it accepted.
 */
public interface Listener extends AutoCloseable {

  /** The address clients dial to reach this listener. */
  String address();

  /** True until {@link #close()} is called or the transport closes. */
  boolean isOpen();

  /** Stops listening and closes every accepted socket. Idempotent. */
  @Override
  void close();
}
