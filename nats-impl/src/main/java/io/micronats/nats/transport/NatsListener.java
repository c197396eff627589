package io.micronats.nats.transport;

import io.micronats.nats.internal.HeaderCodec;
import io.micronats.spi.transport.AcceptHandler;
import io.micronats.spi.transport.Listener;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A listener of a {@link NatsTransport}: a subscription on its address, and the server sockets of
 * the pseudo-connections that opened there, keyed by the client's reply subject.
 *
 * <p>Thread-safe. Messages are handled on the transport's listener dispatcher thread; accept
 * handlers run on the transport's handler threads, one per connection.
 */
final class NatsListener implements Listener {

  private final NatsTransport transport;
  private final String address;
  private final AcceptHandler handler;
  private final ConcurrentHashMap<String, NatsSocket> connections = new ConcurrentHashMap<>();
  private final AtomicBoolean open = new AtomicBoolean(true);

  NatsListener(NatsTransport transport, String address, AcceptHandler handler) {
    this.transport = transport;
    this.address = address;
    this.handler = handler;
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
    NatsSocket socket = transport.newServerSocket(this, clientInbox);
    connections.put(clientInbox, socket);
    transport.sendControl(clientInbox, socket.replySubject(), Wire.ACK, null);
    transport.runHandler(handler, socket);
  }

  @Override
  public String toString() {
    return "NatsListener[" + address + ", " + connections.size() + " connections]";
  }
}
