package io.micronats.nats.transport;

import io.micronats.nats.internal.HeaderCodec;
import io.micronats.spi.ClosedException;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.TransportException;
import io.nats.client.Subscription;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The client side of opening a pseudo-connection: send an open message to the listener's subject
 * (with the socket's inbox as reply subject) and wait, on the dialling thread, for the listener's
 * acknowledgement, which names the connection's server subject.
 *
 * <p>Stateless. A no-responders status means nobody listens (yet): the open is retried with a
 * short backoff for up to the dial grace, which rides out a listener whose subscription is still
 * propagating across the cluster's routes, then fails with {@link NoRespondersException}.
 */
final class Handshake {

  private Handshake() {}

  static NatsSocket open(NatsTransport transport, NatsSocket socket, String address, Duration timeout,
      Duration grace) {
    String inbox = socket.replySubject();
    Subscription sub = socket.subscription();
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long graceEnd = start + Math.min(grace.toNanos(), timeout.toNanos());
    long backoffMillis = 2;
    try {
      for (int attempt = 0; attempt < 10_000; attempt++) {
        transport.sendControl(address, inbox, Wire.OPEN, null);
        while (true) {
          long remaining = deadline - System.nanoTime();
          io.nats.client.Message reply = remaining <= 0 ? null : sub.nextMessage(Duration.ofNanos(remaining));
          if (reply == null) {
            if (deadline - System.nanoTime() > 0) {
              continue;
            }
            socket.abandon(new OperationTimeoutException("dial " + address, timeout));
            transport.sendControl(address, inbox, Wire.CLOSE, "dial timed out");
            throw new OperationTimeoutException("dial " + address, timeout);
          }
          if (reply.isStatusMessage()) {
            if (reply.getStatus().isNoResponders()) {
              break;
            }
            continue;
          }
          String control = HeaderCodec.control(reply.getHeaders(), Wire.CONTROL);
          if (Wire.ACK.equals(control) && reply.getReplyTo() != null) {
            socket.connectedTo(reply.getReplyTo());
            return socket;
          }
          if (Wire.CLOSE.equals(control)) {
            NoRespondersException e = new NoRespondersException("the listener at '" + address + "' is closing");
            socket.abandon(e);
            throw e;
          }
        }
        if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoffMillis) - graceEnd > 0) {
          break;
        }
        Thread.sleep(backoffMillis);
        backoffMillis = Math.min(backoffMillis * 2, 25);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      socket.abandon(new ClosedException("dial to " + address + " was interrupted"));
      throw new TransportException("dial to '" + address + "' was interrupted", e);
    } catch (IllegalStateException e) {
      socket.abandon(new ClosedException("dial to " + address + " failed"));
      throw new TransportException("dial to '" + address + "' failed: " + e.getMessage(), e);
    }
    NoRespondersException e = new NoRespondersException("nobody listens at '" + address + "'");
    socket.abandon(e);
    throw e;
  }
}
