package io.micronats.spi.transport;

import io.micronats.spi.Message;
import java.time.Duration;

/**
 * One end of a transport connection: the client's end from {@link Transport#dial}, or the
 * server's end given to an {@link AcceptHandler}.
 *
 * <p>Messages arrive in the order the peer sent them. {@code send} and {@code receive} may be
 * called from different threads; several threads sending at once is safe. A close on either end
 * reaches the other promptly: its blocked and future {@code receive} calls fail with
 * {@link io.micronats.spi.ClosedException} once the messages already delivered are consumed.
 */
public interface Socket extends AutoCloseable {

  /**
   * Sends a message to the peer.
   *
   * @throws io.micronats.spi.ClosedException when this socket or its peer is closed
   * @throws io.micronats.spi.PayloadTooLargeException when the message is too large; nothing was sent
   * @throws io.micronats.spi.TransportException when the connection failed
   */
  void send(Message message);

  /**
   * Waits for the next message from the peer.
   *
   * @throws io.micronats.spi.OperationTimeoutException when nothing arrives within {@code timeout};
   *     the socket stays usable
   * @throws io.micronats.spi.ClosedException when either end has closed and no message is left
   * @throws io.micronats.spi.NoRespondersException when the dialled address has no listener
   * @throws InterruptedException when the waiting thread is interrupted
   */
  Message receive(Duration timeout) throws InterruptedException;

  /** This end's address. */
  String localAddress();

  /** The peer's address. */
  String remoteAddress();

  /** True until either end closes. */
  boolean isOpen();

  /** Closes this end and tells the peer. Idempotent; releases blocked receivers. */
  @Override
  void close();
}
