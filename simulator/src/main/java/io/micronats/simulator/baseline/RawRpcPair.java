package io.micronats.simulator.baseline;

import io.micronats.simulator.load.Call;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Raw jnats request/reply: a responder (Dispatcher replying with a payload of the same size) on
 * the service node, a requester ({@code Connection.request} with a timeout, one per loop) on the
 * client node. Thread-safe; close is idempotent.
 */
public final class RawRpcPair implements RpcPair {
  private final Connection responder;
  private final Connection requester;
  private final String subject;
  private final byte[] payload;
  private final Duration timeout;

  public RawRpcPair(String serviceUrl, String clientUrl, int payloadBytes, Duration timeout) throws Exception {
    this.subject = "sim.raw.rpc." + Long.toHexString(System.nanoTime());
    this.payload = new byte[payloadBytes];
    this.timeout = timeout;
    this.responder = RawNats.connect(serviceUrl, "sim-raw-responder");
    Connection req = null;
    try {
      byte[] reply = new byte[payloadBytes];
      Dispatcher d = responder.createDispatcher(m -> responder.publish(m.getReplyTo(), reply));
      d.subscribe(subject);
      responder.flush(Duration.ofSeconds(5));
      req = RawNats.connect(clientUrl, "sim-raw-requester");
      awaitInterest(req);
    } catch (Exception e) {
      RawNats.close(responder);
      if (req != null) {
        RawNats.close(req);
      }
      throw e;
    }
    this.requester = req;
  }

  private void awaitInterest(Connection c) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (c.request(subject, payload, Duration.ofMillis(200)) != null) {
          return;
        }
      } catch (RuntimeException e) {
        // no responders yet: interest has not reached this node; try again
        Thread.sleep(20);
      }
    }
    throw new IllegalStateException("raw responder on " + subject + " not reachable within 10s");
  }

  @Override
  public Call call() {
    return (index, intended) -> {
      Message reply = requester.request(subject, payload, timeout);
      if (reply == null) {
        throw new TimeoutException("raw request timed out after " + timeout.toMillis() + "ms");
      }
    };
  }

  @Override
  public void close() {
    RawNats.close(requester);
    RawNats.close(responder);
  }
}
