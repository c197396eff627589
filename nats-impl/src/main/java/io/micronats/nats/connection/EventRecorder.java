package io.micronats.nats.connection;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jnats connection and error listener of one connection: logs each event through SLF4J,
 * counts it in the connection's and the process's {@link ConnectionStats}, then passes it to the
 * registered {@link ConnectionEventListener}s.
 *
 * <p>Thread-safe: called concurrently by jnats threads; the stats are atomic and the listener
 * list is copy-on-write. No lock is held while listeners run.
 */
final class EventRecorder implements ConnectionListener, ErrorListener {
  private static final Logger LOG = LoggerFactory.getLogger("io.micronats.nats.connection");
  /** One WARN per fault, not one per connection it hits. */
  private static final FaultWarnings ONCE = new FaultWarnings();

  private final String label;
  private final ConnectionStats stats;
  private final ConnectionStats total;
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private volatile String lastProblem = "";
  private volatile java.util.function.Consumer<String> refusal = reason -> { };

  EventRecorder(String label, ConnectionStats stats, ConnectionStats total) {
    this.label = label;
    this.stats = stats;
    this.total = total;
  }

  /** The text of the latest server error or exception, empty if none; explains failed connects. */
  String lastProblem() {
    return lastProblem;
  }

  /**
   * Called with the server's reason when it refuses the connection (an authorization violation, a
   * failed TLS handshake), so a connect can fail at once instead of after its timeout.
   */
  void onRefusal(java.util.function.Consumer<String> callback) {
    this.refusal = callback;
  }

  ConnectionStats stats() {
    return stats;
  }

  void add(ConnectionEventListener listener) {
    listeners.add(listener);
  }

  void remove(ConnectionEventListener listener) {
    listeners.remove(listener);
  }

  /** Required by the interface; jnats 2.26 calls the overload with time and detail. */
  @Override
  @Deprecated
  public void connectionEvent(Connection conn, Events type) {
    handle(conn, type, "");
  }

  @Override
  public void connectionEvent(Connection conn, Events type, Long time, String detail) {
    handle(conn, type, detail == null ? "" : detail);
  }

  @Override
  public String toString() {
    return label;
  }

  private void handle(Connection conn, Events type, String detail) {
    String server = Secrets.mask(detail.isEmpty() ? server(conn) : detail);
    ConnectionEvent.Type t = switch (type) {
      case CONNECTED -> ConnectionEvent.Type.CONNECTED;
      case CLOSED -> ConnectionEvent.Type.CLOSED;
      case DISCONNECTED -> ConnectionEvent.Type.DISCONNECTED;
      case RECONNECTED -> ConnectionEvent.Type.RECONNECTED;
      case RESUBSCRIBED -> ConnectionEvent.Type.RESUBSCRIBED;
      case DISCOVERED_SERVERS -> ConnectionEvent.Type.DISCOVERED_SERVERS;
      case LAME_DUCK -> ConnectionEvent.Type.LAME_DUCK;
    };
    switch (t) {
      case DISCONNECTED -> warnOnce("disconnected:" + server, "NATS connection {} disconnected from {}"
          + " (further disconnections from it within " + FaultWarnings.WINDOW_SECONDS + " s at DEBUG)", server);
      case LAME_DUCK -> warnOnce("lameduck:" + server, "NATS connection {}: server {} entered lame duck mode", server);
      case DISCOVERED_SERVERS -> LOG.debug("NATS connection {} discovered servers {}", label,
          Secrets.mask(conn.getServers().toString()));
      case RESUBSCRIBED -> LOG.info("NATS connection {} resubscribed on {}", label, server);
      default -> LOG.info("NATS connection {} {} {}", label, t.name().toLowerCase(java.util.Locale.ROOT),
          server);
    }
    emit(new ConnectionEvent(t, conn, server, Optional.empty()));
  }

  @Override
  public void errorOccurred(Connection conn, String error) {
    error = Secrets.mask(error);
    LOG.warn("NATS connection {}: server error: {}", label, error);
    lastProblem = error;
    String lower = error.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("authorization violation") || lower.contains("authentication")) {
      refusal.accept(error);
    }
    emit(new ConnectionEvent(ConnectionEvent.Type.ERROR, conn, error, Optional.empty()));
  }

  @Override
  public void exceptionOccurred(Connection conn, Exception exp) {
    String shown = Secrets.mask(exp.toString());
    warnOnce("exception:" + shown, "NATS connection {}: {}", shown);
    lastProblem = Secrets.mask(rootMessage(exp));
    for (Throwable t = exp; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof javax.net.ssl.SSLException) {
        refusal.accept("TLS handshake failed: " + lastProblem);
        break;
      }
    }
    LOG.debug("NATS connection {} exception: {}", label, shown);
    emit(new ConnectionEvent(ConnectionEvent.Type.ERROR, conn, shown, Optional.empty()));
  }

  @Override
  public void slowConsumerDetected(Connection conn, Consumer consumer) {
    LOG.warn("NATS connection {}: slow consumer, dropping messages (pending {} msgs / {} bytes, "
        + "dropped so far {})", label, consumer.getPendingMessageCount(), consumer.getPendingByteCount(),
        consumer.getDroppedCount());
    emit(new ConnectionEvent(ConnectionEvent.Type.SLOW_CONSUMER, conn, "slow consumer",
        Optional.of(consumer)));
  }

  @Override
  public void messageDiscarded(Connection conn, Message msg) {
    LOG.debug("NATS connection {} discarded a message on {}", label, msg.getSubject());
    emit(new ConnectionEvent(ConnectionEvent.Type.DISCARDED, conn, msg.getSubject(), Optional.empty()));
  }

  @Override
  public void socketWriteTimeout(Connection conn) {
    LOG.warn("NATS connection {}: socket write timeout", label);
    emit(new ConnectionEvent(ConnectionEvent.Type.ERROR, conn, "socket write timeout", Optional.empty()));
  }

  /** WARN for the first connection a fault hits, DEBUG for the others (all are counted). */
  private void warnOnce(String key, String format, String detail) {
    if (ONCE.first(key, System.nanoTime())) {
      LOG.warn(format, label, detail);
    } else {
      LOG.debug(format, label, detail);
    }
  }

  private void emit(ConnectionEvent event) {
    stats.count(event.type());
    total.count(event.type());
    for (ConnectionEventListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("connection event listener {} failed on {}: {}", l, event.type(), e.toString());
      }
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    for (int i = 0; i < 10 && root.getCause() != null; i++) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static String server(Connection conn) {
    try {
      String url = conn.getConnectedUrl();
      return url == null ? "" : url;
    } catch (RuntimeException e) {
      return "";
    }
  }
}
