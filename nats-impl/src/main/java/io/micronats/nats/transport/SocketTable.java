package io.micronats.nats.transport;

import io.micronats.nats.internal.HeaderCodec;
import io.nats.client.Subscription;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The open sockets of a {@link NatsTransport}, by subscription (to find the socket a
 * slow-consumer event is about) and by own subject (to deliver a peer's out-of-band close notice).
 *
 * <p>Thread-safe and lock-free (two {@link ConcurrentHashMap}s).
 */
final class SocketTable {

  private final ConcurrentHashMap<Subscription, NatsSocket> bySubscription = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, NatsSocket> bySubject = new ConcurrentHashMap<>();

  NatsSocket add(NatsSocket socket) {
    bySubscription.put(socket.subscription(), socket);
    bySubject.put(socket.replySubject(), socket);
    return socket;
  }

  void remove(NatsSocket socket) {
    bySubscription.remove(socket.subscription(), socket);
    bySubject.remove(socket.replySubject(), socket);
  }

  /** The socket that reads {@code consumer}, if it is one of ours. */
  @Nullable NatsSocket reading(Object consumer) {
    return consumer instanceof Subscription sub ? bySubscription.get(sub) : null;
  }

  /** A peer's out-of-band close notice, on {@code <own subject>}{@value Wire#NOTICE_SUFFIX} (dispatcher thread). */
  void onNotice(io.nats.client.Message msg) {
    String subject = msg.getSubject();
    NatsSocket socket = bySubject.get(subject.substring(0, subject.length() - Wire.NOTICE_SUFFIX.length()));
    if (socket != null && !msg.isStatusMessage()) {
      String reason = HeaderCodec.control(msg.getHeaders(), Wire.REASON);
      socket.peerClosedNotice(reason == null ? "closed" : reason);
    }
  }

  void closeAll() {
    for (NatsSocket socket : List.copyOf(bySubscription.values())) {
      socket.close();
    }
  }

  /** Closes the server sockets that neither sent nor received for {@code idleNanos}; returns how many. */
  int expireIdle(long idleNanos) {
    long now = System.nanoTime();
    int expired = 0;
    for (NatsSocket socket : List.copyOf(bySubscription.values())) {
      if (socket.isServerEnd() && socket.isOpen() && now - socket.lastActive() > idleNanos) {
        socket.closeBecause("idle for more than " + java.time.Duration.ofNanos(idleNanos));
        expired++;
      }
    }
    return expired;
  }

  int size() {
    return bySubscription.size();
  }
}
