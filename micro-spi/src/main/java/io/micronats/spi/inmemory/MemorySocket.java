package io.micronats.spi.inmemory;

import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.PayloadTooLargeException;
import io.micronats.spi.TransportException;
import io.micronats.spi.internal.Deadline;
import io.micronats.spi.internal.MessageSize;
import io.micronats.spi.transport.Socket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One end of an in-memory connection: it reads from one {@link Pipe} and writes to the other.
 *
 * <p>Thread-safe. Closing this end closes both pipes, so the peer's receive drains what was
 * delivered and then fails with {@link ClosedException}, and its sends fail at once.
 */
final class MemorySocket implements Socket {

  private final String localAddress;
  private final String remoteAddress;
  private final Pipe inbound;
  private final Pipe outbound;
  private final long maxPayloadBytes;
  private final Duration sendTimeout;
  private final Runnable onClose;
  private final AtomicBoolean closed = new AtomicBoolean();

  MemorySocket(String localAddress, String remoteAddress, Pipe inbound, Pipe outbound,
      long maxPayloadBytes, Duration sendTimeout, Runnable onClose) {
    this.localAddress = localAddress;
    this.remoteAddress = remoteAddress;
    this.inbound = inbound;
    this.outbound = outbound;
    this.maxPayloadBytes = maxPayloadBytes;
    this.sendTimeout = sendTimeout;
    this.onClose = onClose;
  }

  @Override
  public void send(Message message) {
    Objects.requireNonNull(message, "message");
    if (closed.get()) {
      throw new ClosedException("socket " + this + " is closed; cannot send");
    }
    long size = MessageSize.of(message);
    if (size > maxPayloadBytes) {
      throw new PayloadTooLargeException(remoteAddress, size, maxPayloadBytes);
    }
    Pipe.PutResult result;
    try {
      result = outbound.put(message, Deadline.saturatedNanos(sendTimeout));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransportException("interrupted while sending to '" + remoteAddress + "'", e);
    }
    switch (result) {
      case OK -> { }
      case CLOSED -> throw new ClosedException(closed.get()
          ? "socket " + this + " is closed; cannot send"
          : "peer '" + remoteAddress + "' closed the connection; message not sent");
      case FULL -> throw new OperationTimeoutException("send to '" + remoteAddress
          + "' (peer's backlog is full, nothing was sent)", sendTimeout);
      default -> throw new IllegalStateException("unexpected " + result);
    }
  }

  @Override
  public Message receive(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    if (closed.get()) {
      throw new ClosedException("socket " + this + " is closed; cannot receive");
    }
    try {
      Message message = inbound.take(Deadline.saturatedNanos(timeout));
      if (message == null) {
        throw new OperationTimeoutException("receive on '" + localAddress + "' from '"
            + remoteAddress + "'", timeout);
      }
      return message;
    } catch (Pipe.PipeClosed e) {
      throw new ClosedException(closed.get()
          ? "socket " + this + " is closed; cannot receive"
          : "peer '" + remoteAddress + "' closed the connection");
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
    return !closed.get() && !inbound.isClosed() && !outbound.isClosed();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      inbound.close();
      outbound.close();
      onClose.run();
    }
  }

  @Override
  public String toString() {
    return "'" + localAddress + "' -> '" + remoteAddress + "'";
  }
}
