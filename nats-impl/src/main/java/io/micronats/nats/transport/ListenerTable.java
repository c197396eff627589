package io.micronats.nats.transport;

import io.micronats.nats.internal.Flush;
import io.micronats.nats.internal.HeaderCodec;
import io.micronats.spi.TransportException;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.impl.Headers;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of a {@link NatsTransport}, by address, and their subscriptions on the transport's
 * listen dispatcher: refusing an address in use (here, or by another micronats listener that
 * answers a probe), subscribing with the server's confirmation, routing each message on a
 * listener subject to its listener, and unsubscribing.
 *
 * <p>Thread-safe and lock-free: a {@link ConcurrentHashMap} and the jnats dispatcher, which is
 * itself thread-safe. Messages are routed on that dispatcher's thread.
 */
final class ListenerTable {

  private static final Logger LOG = LoggerFactory.getLogger(ListenerTable.class);
  private static final byte[] EMPTY = new byte[0];

  private final NatsTransport transport;
  private final Duration probe;
  private final ConcurrentHashMap<String, NatsListener> byAddress = new ConcurrentHashMap<>();
  private volatile @Nullable Dispatcher dispatcher;

  ListenerTable(NatsTransport transport, Duration probe) {
    this.transport = transport;
    this.probe = probe;
  }

  /** Takes the listen dispatcher; called once, when the transport connects. */
  void attach(Dispatcher listenDispatcher) {
    this.dispatcher = listenDispatcher;
  }

  /**
   * Refuses {@code address} when a listener of this transport, or another micronats listener
   * reachable through NATS, listens there.
   *
   * @throws TransportException naming the address
   */
  void requireFree(String address) {
    if (byAddress.containsKey(address) || someoneListens(address)) {
      throw inUse(address);
    }
  }

  /**
   * Subscribes {@code listener}'s address and waits up to 5 s for the server to confirm.
   *
   * @throws TransportException when the address is taken, or the server did not confirm (the listener is then closed)
   */
  NatsListener add(NatsListener listener) {
    String address = listener.address();
    if (byAddress.putIfAbsent(address, listener) != null) {
      throw inUse(address);
    }
    Connection c = transport.requireConnection();
    Objects.requireNonNull(dispatcher).subscribe(address);
    Flush.confirm(c, Duration.ofSeconds(5), e -> {
      listener.close();
      return new TransportException("the NATS server did not confirm the subscription to '" + address + "'", e);
    });
    return listener;
  }

  /** Forgets {@code listener} and unsubscribes its address. */
  void remove(NatsListener listener) {
    byAddress.remove(listener.address(), listener);
    Dispatcher d = dispatcher;
    if (d != null && d.isActive()) {
      try {
        d.unsubscribe(listener.address());
      } catch (IllegalStateException e) {
        LOG.debug("unsubscribe of {} after the connection closed: {}", listener.address(), e.toString());
      }
    }
  }

  /** One message on a listener subject (listen dispatcher thread). */
  void route(io.nats.client.Message msg) {
    NatsListener listener = byAddress.get(msg.getSubject());
    if (listener == null) {
      transport.counters().unroutable();
      return;
    }
    listener.onMessage(msg);
  }

  void closeAll() {
    for (NatsListener listener : List.copyOf(byAddress.values())) {
      listener.close();
    }
  }

  /** Closes the listen dispatcher on {@code c}. */
  void detach(Connection c) {
    NatsTransport.closeDispatcher(c, dispatcher);
  }

  int size() {
    return byAddress.size();
  }

  private boolean someoneListens(String address) {
    Connection c = transport.requireConnection();
    Headers ping = new Headers().put(Wire.CONTROL, Wire.PING);
    try {
      io.nats.client.Message reply = c.requestWithTimeout(address, ping, EMPTY, probe)
          .get(probe.toMillis() + 1000, TimeUnit.MILLISECONDS);
      return reply != null && Wire.PONG.equals(HeaderCodec.control(reply.getHeaders(), Wire.CONTROL));
    } catch (CancellationException | ExecutionException | TimeoutException e) {
      return false; // no responders, or nobody answering as a micronats listener
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("listen on '" + address + "' was interrupted", e);
    }
  }

  private static TransportException inUse(String address) {
    return new TransportException("address '" + address + "' is already being listened on");
  }
}
