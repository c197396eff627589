package io.micronats.nats.transport;

import io.micronats.nats.internal.HeaderCodec;
import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.transport.AcceptHandler;
import io.micronats.spi.transport.ExchangeHandler;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Transport;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener of a {@link NatsTransport}: a subscription on its address, and the server sockets of
 * the pseudo-connections that opened there, keyed by the client's reply subject.
 *
 * <p>Thread-safe. Messages are handled on the transport's listener dispatcher thread. In accept
 * mode ({@link Transport#listen}) accept handlers run on the transport's handler threads, one per
 * connection. In exchange mode ({@link Transport#serve}) each connection's subject is subscribed
 * on one of the transport's serve dispatchers, whose thread runs the {@link ExchangeHandler} and
 * publishes the reply: no thread per connection, and no hand-off between receiving and replying.
 */
final class NatsListener implements Listener {

  private static final Logger LOG = LoggerFactory.getLogger(NatsListener.class);

  private final NatsTransport transport;
  private final String address;
  private final @Nullable AcceptHandler handler;
  private final @Nullable ExchangeHandler exchanges;
  private final ConcurrentHashMap<String, NatsSocket> connections = new ConcurrentHashMap<>();
  private final AtomicBoolean open = new AtomicBoolean(true);

  /** A listener with exactly one of {@code handler} (accept mode) or {@code exchanges} (exchange mode). */
  NatsListener(NatsTransport transport, String address, @Nullable AcceptHandler handler,
      @Nullable ExchangeHandler exchanges) {
    if ((handler == null) == (exchanges == null)) {
      throw new IllegalArgumentException("exactly one of an accept or an exchange handler is needed");
    }
    this.transport = transport;
    this.address = address;
    this.handler = handler;
    this.exchanges = exchanges;
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public boolean isOpen() {
    return open.get();
  }

  @Override
  public void close() {
    if (!open.compareAndSet(true, false)) {
      return;
    }
    transport.unlisten(this);
    for (NatsSocket socket : List.copyOf(connections.values())) {
      socket.close();
    }
    connections.clear();
  }

  /** Forgets a server socket that ended. */
  void forget(NatsSocket socket) {
    connections.remove(socket.remoteAddress(), socket);
  }

  /** Handles one message on the listener's subject (dispatcher thread): opens, early closes, probes. */
  void onMessage(io.nats.client.Message msg) {
    String reply = msg.getReplyTo();
    if (reply == null || reply.isEmpty() || msg.isStatusMessage()) {
      transport.counters().stranger();
      return;
    }
    String control = HeaderCodec.control(msg.getHeaders(), Wire.CONTROL);
    if (control == null) {
      // Data goes to a connection's own subject once open; data here has no connection.
      transport.counters().unroutable();
      transport.sendControl(reply, null, Wire.CLOSE, "no connection from " + reply + " at " + address);
      return;
    }
    switch (control) {
      case Wire.OPEN -> open(reply);
      case Wire.CLOSE -> {
        NatsSocket socket = connections.get(reply);
        if (socket != null) {
          socket.abandon(new io.micronats.spi.ClosedException(socket + " closed by the peer"));
        }
      }
      case Wire.PING -> transport.sendControl(reply, null, Wire.PONG, null);
      default -> transport.counters().stranger();
    }
  }

  private void open(String clientInbox) {
    if (!open.get()) {
      transport.sendControl(clientInbox, null, Wire.CLOSE, "listener at " + address + " is closed");
      return;
    }
    NatsSocket existing = connections.get(clientInbox);
    if (existing != null) {
      transport.sendControl(clientInbox, existing.replySubject(), Wire.ACK, null);
      return;
    }
    AcceptHandler accept = handler;
    NatsSocket socket = accept != null
        ? transport.newServerSocket(this, clientInbox) : transport.newServedSocket(this, clientInbox);
    connections.put(clientInbox, socket);
    transport.sendControl(clientInbox, socket.replySubject(), Wire.ACK, null);
    if (accept != null) {
      transport.runHandler(accept, socket);
    }
  }

  /**
   * Answers one message of a served connection (exchange mode, on its serve dispatcher thread):
   * a request gets the handler's reply; control messages and statuses act on the connection.
   */
  void onExchange(NatsSocket socket, io.nats.client.Message msg) {
    Message request = socket.interpret(msg);
    ExchangeHandler exchange = Objects.requireNonNull(exchanges);
    if (request == null || !socket.isOpen()) {
      return;
    }
    Message reply;
    try {
      reply = Objects.requireNonNull(exchange.exchange(request), "the exchange handler returned no reply");
    } catch (Exception e) {
      // The thread boundary of the handler: its failure closes this connection only.
      failed(socket, e);
      return;
    }
    try {
      try {
        socket.send(reply);
      } catch (PayloadTooLargeException e) {
        socket.send(exchange.replyTooLarge(request, e));
      }
    } catch (ClosedException e) {
      LOG.debug("reply on {} not sent: {}", socket, e.getMessage());
    } catch (RuntimeException e) {
      // Also the thread boundary: a reply that cannot be sent ends this connection only.
      failed(socket, e);
    }
  }

  private void failed(NatsSocket socket, Exception e) {
    if (!socket.isOpen()) { // closed meanwhile (listener or transport closing): not a handler fault
      LOG.debug("exchange on {} ended with its connection: {}", socket, e.toString());
      return;
    }
    transport.counters().handlerFailure();
    LOG.warn("exchange handler for {} failed; closing that connection only", socket, e);
    socket.close();
  }

  @Override
  public String toString() {
    return "NatsListener[" + address + ", " + connections.size() + " connections]";
  }
}
