package io.micronats.spi.transport;

import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.PayloadTooLargeException;
import java.time.Duration;
import java.util.Objects;

/**
 * The default {@link Transport#serve} behaviour: an {@link AcceptHandler} that answers each
 * request of its connection through an {@link ExchangeHandler}, in a receive/send loop on the
 * connection's thread, until either end closes.
 *
 * <p>Stateless apart from the handler; thread-safe.
 */
final class ExchangeLoop implements AcceptHandler {

  /** How long one receive waits before the loop checks the socket again. */
  private static final Duration POLL = Duration.ofSeconds(30);

  private final ExchangeHandler handler;

  ExchangeLoop(ExchangeHandler handler) {
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  @Override
  public void accept(Socket socket) throws Exception {
    while (socket.isOpen()) {
      Message request;
      try {
        request = socket.receive(POLL);
      } catch (OperationTimeoutException idle) {
        continue;
      } catch (ClosedException closed) {
        return;
      }
      Message reply = Objects.requireNonNull(handler.exchange(request), "the exchange handler returned no reply");
      try {
        socket.send(reply);
      } catch (PayloadTooLargeException e) {
        socket.send(handler.replyTooLarge(request, e));
      } catch (ClosedException closed) {
        return;
      }
    }
  }
}
