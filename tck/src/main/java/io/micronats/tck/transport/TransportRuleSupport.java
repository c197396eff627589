package io.micronats.tck.transport;

import io.micronats.spi.ClosedException;
import io.micronats.spi.Message;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.transport.AcceptHandler;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.micronats.tck.RuleGroup;
import java.time.Duration;

/**
 * Helpers shared by the transport rule classes: an echo server and a receive that names what it waited for.
 *
 * <p>One instance per rule test, like every {@link RuleGroup}.
 */
public abstract class TransportRuleSupport extends RuleGroup {

  /** A handler that sends every message back until the socket closes. */
  protected final AcceptHandler echoHandler() {
    return socket -> {
      while (true) {
        Message m;
        try {
          m = socket.receive(env().waitTimeout());
        } catch (OperationTimeoutException e) {
          continue;
        } catch (ClosedException e) {
          return;
        }
        socket.send(m);
      }
    };
  }

  /** An echo listener on a fresh unique address of the test's transport. */
  protected final Listener echoListener() {
    return closeLater(transport().listen(unique("echo"), echoHandler()));
  }

  /** A client socket dialled to {@code address} with the test's transport, closed after the test. */
  protected final Socket dial(String address) {
    return closeLater(transport().dial(address, env().waitTimeout()));
  }

  /**
   * Receives the next message within the wait timeout.
   *
   * @throws AssertionError "expected WHAT, but ..." when nothing came, the socket closed, or the call hung
   */
  protected final Message receive(Socket socket, String what) throws Exception {
    Duration limit = env().waitTimeout();
    try {
      return env().bounded("receive() of " + what, limit.plus(limit), () -> socket.receive(limit));
    } catch (OperationTimeoutException e) {
      throw new AssertionError("expected " + what + " within " + limit.toMillis() + " ms, but receive() timed out", e);
    } catch (ClosedException e) {
      throw new AssertionError("expected " + what + ", but the socket was closed: " + e.getMessage(), e);
    }
  }
}
