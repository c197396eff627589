package io.micronats.nats.transport;

import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.MessagingException;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.transport.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One end of a pseudo-connection: a client socket (sending to the listener's subject with its
 * own inbox as reply subject) or a server socket (sending to the client's inbox with its own
 * token subject as reply subject, so a vanished client shows up as a no-responders status).
 *
 * <p>Thread-safe. Incoming messages are fed by the transport's dispatcher thread.
 */
final class NatsSocket implements Socket {

  private final NatsTransport transport;
  private final boolean client;
  private final String localAddress;
  private final String remoteAddress;
  private final String sendSubject;
  private final String replySubject;
  private final Inbox inbox;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final @Nullable NatsListener listener;
  private volatile @Nullable CompletableFuture<String> opening;

  NatsSocket(NatsTransport transport, boolean client, String localAddress, String remoteAddress,
      String sendSubject, String replySubject, int backlog, @Nullable NatsListener listener) {
    this.transport = transport;
    this.client = client;
    this.localAddress = localAddress;
    this.remoteAddress = remoteAddress;
    this.sendSubject = sendSubject;
    this.replySubject = replySubject;
    this.inbox = new Inbox(backlog);
    this.listener = listener;
  }

  /** The subject this socket's peer sees as reply subject, and the key in the transport's mux. */
  String replySubject() {
    return replySubject;
  }

  @Override
  public void send(Message message) {
    Objects.requireNonNull(message, "message");
    MessagingException reason = inbox.endReason();
    if (closed.get() || reason != null) {
      throw new ClosedException("socket " + localAddress + " -> " + remoteAddress + " is closed"
          + (reason == null ? "" : ": " + reason.getMessage()), reason);
    }
    transport.publish(sendSubject, replySubject, message.headers(), Map.of(), message, remoteAddress);
  }

  @Override
  public Message receive(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    return inbox.take(timeout, "receive on " + localAddress + " from " + remoteAddress);
  }

  @Override
  public String localAddress() {
    return localAddress;
  }

  @Override
  public String remoteAddress() {
    return remoteAddress;
  }

  @Override
  public boolean isOpen() {
    return !closed.get() && !inbox.hasEnded();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    boolean peerStillThere = inbox.end(new ClosedException(
        "socket " + localAddress + " -> " + remoteAddress + " was closed locally"), true);
    transport.forget(this);
    if (listener != null) {
      listener.forget(this);
    }
    if (peerStillThere) {
      transport.sendControl(sendSubject, replySubject, Wire.CLOSE, null);
    }
  }

  // ---- called by the transport's dispatcher thread ----

  /** A data message from the peer; false when the backlog overflowed (the socket is then ended). */
  void deliver(Message message) {
    if (!inbox.offer(message) && !inbox.hasEnded()) {
      transport.counters().overflow();
      String why = "backlog of " + transport.backlog() + " unconsumed messages exceeded";
      inbox.end(new ClosedException("socket " + localAddress + " -> " + remoteAddress
          + " closed: " + why), false);
      transport.forget(this);
      if (listener != null) {
        listener.forget(this);
      }
      transport.sendControl(sendSubject, replySubject, Wire.CLOSE, "peer's " + why);
    }
  }

  /** The peer closed (or vanished); {@code reason} names why when known. */
  void peerClosed(@Nullable String reason) {
    MessagingException e = new ClosedException("socket " + localAddress + " -> " + remoteAddress
        + " closed by the peer" + (reason == null ? "" : ": " + reason));
    if (inbox.end(e, false)) {
      transport.forget(this);
      if (listener != null) {
        listener.forget(this);
      }
    }
  }

  /** The NATS server reported that nobody subscribes to where this socket last sent. */
  void noResponders() {
    CompletableFuture<String> open = opening;
    if (open != null && !open.isDone()) {
      open.complete(Wire.NO_RESPONDERS);
      return;
    }
    if (client) {
      if (inbox.end(new NoRespondersException("no listener at " + remoteAddress + " any more"), false)) {
        transport.forget(this);
      }
    } else {
      peerClosed("client " + remoteAddress + " vanished");
    }
  }

  /** The listener acknowledged an open. */
  void acknowledged() {
    CompletableFuture<String> open = opening;
    if (open != null) {
      open.complete(Wire.ACK);
    }
  }

  /** Starts one open attempt; the future completes with {@link Wire#ACK} or {@link Wire#NO_RESPONDERS}. */
  CompletableFuture<String> beginOpen() {
    CompletableFuture<String> open = new CompletableFuture<>();
    opening = open;
    return open;
  }

  /** Marks the open as finished. */
  void endOpen() {
    opening = null;
  }

  /** Ends the socket without telling the peer (used when the dial failed). */
  void abandon(MessagingException reason) {
    closed.set(true);
    inbox.end(reason, true);
    transport.forget(this);
  }

  @Override
  public String toString() {
    return (client ? "client" : "server") + " socket " + localAddress + " -> " + remoteAddress;
  }
}
