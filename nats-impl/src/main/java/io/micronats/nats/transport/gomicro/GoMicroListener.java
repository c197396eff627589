package io.micronats.nats.transport.gomicro;

import io.micronats.nats.gomicro.Envelope;
import io.micronats.spi.Message;
import io.micronats.spi.transport.AcceptHandler;
import io.micronats.spi.transport.Listener;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A go-micro listener: a plain NATS subscription on its subject; each distinct reply subject is
 * one connection, whose messages reach its socket in order. A message without a reply subject, a
 * payload that is not an envelope, or a new connection over the limit is dropped and counted; the
 * listener keeps serving.
 *
 * <p>Thread-safe. The accept handler of each connection runs on a thread of the transport's pool.
 */
final class GoMicroListener implements Listener {

  private static final Logger LOG = LoggerFactory.getLogger(GoMicroListener.class);

  private final GoMicroTransport transport;
  private final Connection connection;
  private final Dispatcher dispatcher;
  private final String address;
  private final AcceptHandler handler;
  private final ExecutorService pool;
  private final ConcurrentHashMap<String, PseudoSocket> sockets = new ConcurrentHashMap<>();
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final io.nats.client.Subscription subscription;

  GoMicroListener(GoMicroTransport transport, Connection connection, Dispatcher dispatcher, String address,
      AcceptHandler handler, ExecutorService pool) {
    this.transport = transport;
    this.connection = connection;
    this.dispatcher = dispatcher;
    this.address = address;
    this.handler = handler;
    this.pool = pool;
    this.subscription = dispatcher.subscribe(address, this::onMessage);
  }

  private void onMessage(io.nats.client.Message msg) {
    String reply = msg.getReplyTo();
    if (reply == null || reply.isEmpty()) {
      transport.counters.unroutable.increment();
      return;
    }
    Message message;
    try {
      message = Envelope.decode(msg.getData() == null ? new byte[0] : msg.getData(), transport.maxEnvelopeBytes);
    } catch (Envelope.MalformedEnvelopeException e) {
      transport.counters.malformed.increment();
      LOG.debug("dropped a message to go-micro listener '{}' from '{}': {}", address, reply, e.getMessage());
      return;
    }
    PseudoSocket socket = sockets.get(reply);
    if (socket == null) {
      if (!open.get()) {
        return;
      }
      if (sockets.size() >= transport.maxConnections) {
        transport.counters.refused.increment();
        return;
      }
      PseudoSocket fresh = new PseudoSocket(transport, connection, address, reply, false, transport.maxPending,
          () -> sockets.remove(reply));
      socket = fresh;
      sockets.put(reply, fresh);
      transport.counters.accepted.increment();
      try {
        pool.execute(() -> serve(fresh));
      } catch (RejectedExecutionException e) {
        fresh.close(); // the transport is closing
        return;
      }
    }
    if (!socket.deliver(message)) {
      transport.counters.refused.increment();
    }
  }

  private void serve(PseudoSocket socket) {
    try {
      handler.accept(socket);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) { // thread boundary of one connection: it ends, the listener keeps serving
      LOG.debug("accept handler of go-micro listener '{}' failed for '{}'", address, socket.remoteAddress(), e);
    } finally {
      socket.close();
    }
  }

  /** Ends, locally, sockets that received nothing for {@code idleNanos} (as go-micro's Recv deadline). */
  void sweep(long idleNanos) {
    long now = System.nanoTime();
    for (PseudoSocket s : List.copyOf(sockets.values())) {
      if (now - s.lastArrivalNanos() > idleNanos) {
        transport.counters.expired.increment();
        s.close();
      }
    }
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public boolean isOpen() {
    return open.get() && transport.isOpen();
  }

  @Override
  public void close() {
    if (open.compareAndSet(true, false)) {
      try {
        dispatcher.unsubscribe(subscription);
      } catch (IllegalStateException e) {
        LOG.debug("go-micro listener '{}' already gone with its connection: {}", address, e.toString());
      }
      for (PseudoSocket s : List.copyOf(sockets.values())) {
        s.close();
      }
      transport.forget(this);
    }
  }

  @Override
  public String toString() {
    return "GoMicroListener[" + address + ", connections=" + sockets.size() + "]";
  }
}
