package io.micronats.nats.transport;

import io.micronats.nats.internal.HeaderCodec;
import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.MessagingException;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.transport.Socket;
import io.nats.client.Dispatcher;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One end of a pseudo-connection. Each end owns a synchronous NATS subscription on its own
 * subject (the client's inbox, or the server's connection token), and {@link #receive} reads it
 * directly, so a message goes from jnats' reader thread to the receiving thread with no hop in
 * between. The client sends to the listener's subject until the listener acknowledges, then to
 * the server's token; each end sends with its own subject as reply subject, so an end that
 * vanished shows up as a NATS no-responders status.
 *
 * <p>Thread-safe. The subscription's pending limit is the backlog: when it overflows, the
 * transport hears of it (slow-consumer event) and ends the socket on both sides.
 */
final class NatsSocket implements Socket {

  private final NatsTransport transport;
  private final boolean client;
  private final String localAddress;
  private final String remoteAddress;
  private final String replySubject;
  private final Subscription subscription;
  private final @Nullable Dispatcher dispatcher;
  private final @Nullable NatsListener listener;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile String sendSubject;
  private volatile @Nullable MessagingException ended;
  private volatile @Nullable String peerGone;
  private volatile boolean connected;
  /** Sequence of this end's data messages; guarded by {@code sendLock} so numbers leave in order. */
  private long sent;
  private final Object sendLock = new Object();
  /** The highest sequence number accepted from the peer. */
  private final AtomicLong peerSeq = new AtomicLong();
  private volatile long lastActive = System.nanoTime();

  NatsSocket(NatsTransport transport, boolean client, String localAddress, String remoteAddress,
      String sendSubject, String replySubject, Subscription subscription, @Nullable Dispatcher dispatcher,
      @Nullable NatsListener listener) {
    this.transport = transport;
    this.client = client;
    this.localAddress = localAddress;
    this.remoteAddress = remoteAddress;
    this.sendSubject = sendSubject;
    this.replySubject = replySubject;
    this.subscription = subscription;
    this.dispatcher = dispatcher;
    this.listener = listener;
    this.connected = !client;
  }

  String replySubject() {
    return replySubject;
  }

  Subscription subscription() {
    return subscription;
  }

  /** Where data goes from now on: the server's token, once the listener acknowledged. */
  void connectedTo(String subject) {
    this.sendSubject = subject;
    this.connected = true;
  }

  /** The peer's out-of-band notice that it closed: sends fail from now on (jnats thread). */
  void peerClosedNotice(String reason) {
    peerGone = reason;
  }

  @Override
  public void send(Message message) {
    Objects.requireNonNull(message, "message");
    MessagingException reason = ended;
    if (closed.get() || reason != null) {
      throw new ClosedException(this + " is closed" + (reason == null ? "" : ": " + reason.getMessage()), reason);
    }
    String gone = peerGone;
    if (gone != null) {
      throw new ClosedException(this + " was closed by the peer: " + gone);
    }
    synchronized (sendLock) {
      long seq = sent + 1;
      transport.publish(sendSubject, replySubject, message.headers(),
          Map.of(Wire.SEQ, Long.toString(seq), Wire.RE, Long.toString(peerSeq.get())), message, remoteAddress);
      sent = seq;
    }
    lastActive = System.nanoTime();
  }

  @Override
  public Message receive(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      throwIfEnded();
      long remaining = deadline - System.nanoTime();
      io.nats.client.Message msg;
      try {
        msg = remaining <= 0 ? null : subscription.nextMessage(Duration.ofNanos(remaining));
      } catch (IllegalStateException e) {
        throwIfEnded();
        throw new ClosedException(this + " is closed", e);
      }
      if (msg == null) {
        if (deadline - System.nanoTime() <= 0) {
          throwIfEnded();
          throw new OperationTimeoutException("receive on " + localAddress + " from " + remoteAddress, timeout);
        }
        continue;
      }
      Message data = interpret(msg);
      if (data != null) {
        return data;
      }
    }
  }

  /**
   * What one NATS message on this socket's subject means: a data message is returned; a close,
   * or a no-responders status (the peer vanished), ends the socket; anything else is skipped.
   * Called by the receiving thread, or for a served connection by its dispatcher thread.
   */
  @Nullable Message interpret(io.nats.client.Message msg) {
    if (msg.isStatusMessage()) {
      if (msg.getStatus().isNoResponders()) {
        end(client ? new NoRespondersException("no listener at " + remoteAddress + " any more")
            : new ClosedException(this + " closed: the client vanished"));
      }
      return null;
    }
    Headers headers = msg.getHeaders();
    String control = HeaderCodec.control(headers, Wire.CONTROL);
    if (control == null) {
      return accepted(headers) ? new Message(HeaderCodec.decode(headers), msg.getData()) : null;
    }
    if (control.equals(Wire.CLOSE)) {
      String why = HeaderCodec.control(headers, Wire.REASON);
      end(new ClosedException(this + " closed by the peer" + (why == null ? "" : ": " + why)));
    } else if (!control.equals(Wire.ACK)) {
      transport.counters().stranger();
    }
    return null;
  }

  /**
   * Whether a data message is the peer's next one: it must carry the peer's sequence number,
   * higher than any accepted before (an injected, replayed or late copy is dropped and counted as
   * stale), and may only answer a message this end really sent (else dropped as mismatched).
   */
  private boolean accepted(@Nullable Headers headers) {
    long seq = Wire.number(HeaderCodec.control(headers, Wire.SEQ));
    long re = Wire.number(HeaderCodec.control(headers, Wire.RE));
    if (seq <= 0 || re < 0 || re > sentSoFar()) {
      transport.counters().mismatched();
      return false;
    }
    while (true) {
      long last = peerSeq.get();
      if (seq <= last) {
        transport.counters().stale();
        return false;
      }
      if (peerSeq.compareAndSet(last, seq)) {
        lastActive = System.nanoTime();
        return true;
      }
    }
  }

  private long sentSoFar() {
    synchronized (sendLock) {
      return sent;
    }
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
    return !closed.get() && ended == null;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    boolean tellPeer = ended == null;
    if (tellPeer) {
      ended = new ClosedException(this + " was closed locally");
    }
    release();
    if (tellPeer) {
      tellPeer(null);
    }
  }

  /** Ends the socket because its backlog overflowed; tells the peer (called on a jnats thread). */
  void overflowed() {
    transport.counters().overflow();
    String why = "backlog of " + transport.backlog() + " unconsumed messages or " + transport.backlogBytes()
        + " bytes exceeded";
    if (end(new ClosedException(this + " closed: " + why))) {
      tellPeer("peer's " + why);
    }
  }

  /** Ends the socket for {@code why}, telling the peer the reason. */
  void closeBecause(String why) {
    closed.set(true);
    if (end(new ClosedException(this + " closed: " + why))) {
      tellPeer(why);
    }
  }

  /** When a message last came from the peer or went to it ({@link System#nanoTime}). */
  long lastActive() {
    return lastActive;
  }

  boolean isServerEnd() {
    return !client;
  }

  /** Tells the peer in order (after the data already sent) and out of band (so its sends fail at once). */
  private void tellPeer(@Nullable String reason) {
    String to = sendSubject;
    transport.sendControl(to, replySubject, Wire.CLOSE, reason);
    if (connected) {
      transport.sendControl(to + Wire.NOTICE_SUFFIX, null, Wire.CLOSE, reason);
    }
  }

  /** Ends the socket without telling the peer (a failed dial, or the peer already gone). */
  void abandon(MessagingException reason) {
    closed.set(true);
    end(reason);
  }

  private boolean end(MessagingException reason) {
    synchronized (this) {
      if (ended != null) {
        return false;
      }
      ended = reason;
    }
    release();
    return true;
  }

  private void release() {
    transport.forget(this);
    if (listener != null) {
      listener.forget(this);
    }
    try {
      if (subscription.isActive()) {
        if (dispatcher != null) {
          dispatcher.unsubscribe(subscription);
        } else {
          subscription.unsubscribe();
        }
      }
    } catch (IllegalStateException e) {
      // The connection is already closed: the subscription is gone with it.
    }
  }

  private void throwIfEnded() {
    MessagingException reason = ended;
    if (reason != null) {
      throw reason;
    }
  }

  @Override
  public String toString() {
    return (client ? "client" : "server") + " socket " + localAddress + " -> " + remoteAddress;
  }
}
