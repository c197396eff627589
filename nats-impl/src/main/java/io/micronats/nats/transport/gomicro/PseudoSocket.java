package io.micronats.nats.transport.gomicro;

import io.micronats.nats.gomicro.Envelope;
import io.micronats.nats.gomicro.RpcMapping;
import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.TransportException;
import io.micronats.spi.transport.Socket;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One end of a go-micro pseudo-connection. The dialling end publishes to the listener subject
 * with its inbox as reply subject and reads its inbox; the accepted end publishes to the reply
 * subject of the connection's messages, with no reply subject. Nothing is sent on open or close
 * (go-micro has no such message): a close stays local, and the peer learns of it only by a
 * timeout.
 *
 * <p>Thread-safe: sends may be concurrent; messages are received in arrival order.
 */
final class PseudoSocket implements Socket {

  private static final Message CLOSED = Message.of("closed");
  private static final Message NO_RESPONDERS = Message.of("no responders");

  private final GoMicroTransport transport;
  private final Connection connection;
  private final String local;
  private final String remote;
  private final boolean dialled;
  private final LinkedBlockingQueue<Message> queue;
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final AtomicLong ids = new AtomicLong();
  private final Runnable onClose;
  private volatile long lastArrival = System.nanoTime();
  /** The last request received (accepted end), whose headers a go-micro reply echoes. */
  private volatile @Nullable Message lastRequest;

  PseudoSocket(GoMicroTransport transport, Connection connection, String local, String remote, boolean dialled,
      int maxPending, Runnable onClose) {
    this.transport = transport;
    this.connection = connection;
    this.local = local;
    this.remote = remote;
    this.dialled = dialled;
    this.queue = new LinkedBlockingQueue<>(maxPending);
    this.onClose = onClose;
  }

  /** Queues a decoded message from the peer; false (and counted by the caller) when the queue is full. */
  boolean deliver(Message message) {
    lastArrival = System.nanoTime();
    return open.get() && queue.offer(message);
  }

  /** Tells a dialled socket that NATS found no one listening at its address. */
  void noResponders() {
    queue.offer(NO_RESPONDERS);
  }

  long lastArrivalNanos() {
    return lastArrival;
  }

  @Override
  public void send(Message message) {
    Objects.requireNonNull(message, "message");
    if (!open.get()) {
      throw new ClosedException("go-micro socket " + local + " -> " + remote + " is closed");
    }
    Message wire;
    if (dialled) {
      wire = RpcMapping.toGoRequest(message, ids.getAndIncrement());
    } else {
      Message request = lastRequest;
      wire = request == null ? message : RpcMapping.toGoReply(message, request);
    }
    byte[] payload = Envelope.encode(wire);
    long limit = connection.getMaxPayload();
    if (payload.length > limit) {
      throw new PayloadTooLargeException(remote, payload.length, limit);
    }
    try {
      if (dialled) {
        connection.publish(remote, local, payload);
      } else {
        connection.publish(remote, payload);
      }
    } catch (IllegalStateException e) {
      throw new TransportException("send to '" + remote + "' failed: " + e.getMessage(), e);
    }
  }

  @Override
  @SuppressWarnings("ReferenceEquality") // CLOSED and NO_RESPONDERS are sentinels: identity is the point
  public Message receive(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    Message m = queue.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    if (m == null) {
      if (!open.get()) {
        throw closed();
      }
      throw new OperationTimeoutException("receive on go-micro socket " + local + " from " + remote, timeout);
    }
    if (m == CLOSED) {
      queue.offer(CLOSED); // for the next receiver
      throw closed();
    }
    if (m == NO_RESPONDERS) {
      transport.counters.noResponders.increment();
      throw new NoRespondersException("no listener at '" + remote + "' (NATS reported no responders)");
    }
    if (dialled) {
      return RpcMapping.fromGoReply(m);
    }
    Message request = RpcMapping.fromGoRequest(m);
    lastRequest = request;
    return request;
  }

  private ClosedException closed() {
    return new ClosedException("go-micro socket " + local + " -> " + remote + " is closed");
  }

  @Override
  public String localAddress() {
    return local;
  }

  @Override
  public String remoteAddress() {
    return remote;
  }

  @Override
  public boolean isOpen() {
    return open.get() && transport.isOpen();
  }

  /** Closes this end only: go-micro has no close message, so nothing is sent. */
  @Override
  public void close() {
    if (open.compareAndSet(true, false)) {
      queue.offer(CLOSED);
      onClose.run();
    }
  }

  @Override
  public String toString() {
    return "PseudoSocket[" + local + " -> " + remote + (dialled ? ", dialled" : ", accepted") + "]";
  }
}
