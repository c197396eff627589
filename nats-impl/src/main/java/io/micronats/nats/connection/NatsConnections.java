package io.micronats.nats.connection;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process-wide source of NATS connections: one shared, reference-counted connection per
 * distinct {@link NatsSettings} when {@link NatsSettings#shared()} is true (the default), a private
 * one otherwise. Every connection reports its events through SLF4J and {@link ConnectionStats}.
 *
 * <p>Thread-safe. Each {@link #acquire} must be paired with one {@link #release}; the connection is
 * closed when its last user releases it. Concurrent acquires of the same settings wait for one
 * connect instead of opening several. A shared connection that jnats closed for good (reconnect
 * attempts exhausted) is replaced by a fresh one at the next acquire.
 *
 * <pre>{@code
 * Connection c = NatsConnections.acquire(NatsSettings.from(config));
 * try {
 *   c.publish("greetings", bytes);
 * } finally {
 *   NatsConnections.release(c);
 * }
 * }</pre>
 */
public final class NatsConnections {
  private static final Logger LOG = LoggerFactory.getLogger(NatsConnections.class);
  private static final Object LOCK = new Object();
  private static final Map<NatsSettings, Slot> SHARED = new HashMap<>();
  private static final IdentityHashMap<Connection, Slot> BY_CONNECTION = new IdentityHashMap<>();
  private static final ConnectionStats TOTAL = new ConnectionStats();

  private NatsConnections() {}

  /** One connection being made or in use, with its users. Guarded by LOCK except the future. */
  private static final class Slot {
    final NatsSettings settings;
    final EventRecorder recorder;
    final CompletableFuture<Connection> connection = new CompletableFuture<>();
    int users;

    Slot(NatsSettings settings) {
      this.settings = settings;
      this.recorder = new EventRecorder(settings.name() + "@" + redacted(settings.addresses()),
          new ConnectionStats(), TOTAL);
      // A refusal while connecting ends the wait at once, with the server's reason; later
      // refusals (during reconnects) leave the connected slot alone.
      recorder.onRefusal(reason -> {
        if (!connection.isDone()) {
          fail(this, new NatsConnectException("cannot connect to NATS at " + redacted(settings.addresses())
              + ": refused by the server: " + reason, redactedList(settings.addresses()), null));
        }
      });
    }
  }

  /**
   * A connected jnats connection for {@code settings}: the shared one (made now if there is none),
   * or a private one when {@code settings.shared()} is false.
   *
   * <p>Blocks at most about {@code connectTimeout} per address (plus the TLS handshake).
   *
   * @throws NatsConnectException naming the URLs and the reason (unreachable, authorization
   *     violation, TLS failure) when no server accepted the connection; nothing stays open
   * @throws IllegalArgumentException naming the setting when a file it names is missing or invalid
   */
  public static Connection acquire(NatsSettings settings) {
    Objects.requireNonNull(settings, "settings");
    for (int attempt = 0; attempt < 3; attempt++) {
      Slot slot;
      boolean creator = false;
      synchronized (LOCK) {
        slot = settings.shared() ? SHARED.get(settings) : null;
        if (slot == null) {
          slot = new Slot(settings);
          creator = true;
          if (settings.shared()) {
            SHARED.put(settings, slot);
          }
        }
        slot.users++;
      }
      if (creator) {
        // On a thread of its own, so a refusal the server reports (auth, TLS) can end this wait
        // at once while jnats' connect runs out its timeout in the background.
        Slot connecting = slot;
        Thread t = new Thread(() -> connect(connecting), "micronats-nats-connect");
        t.setDaemon(true);
        t.start();
      }
      Connection c = await(slot);
      if (c.getStatus() != Connection.Status.CLOSED) {
        return c;
      }
      // jnats closed it for good (reconnect attempts exhausted): current users keep and release
      // the old one; this caller gets a new one
      LOG.info("NATS connection {} was closed by the client library; making a new one", slot.recorder);
      synchronized (LOCK) {
        if (SHARED.get(settings) == slot) {
          SHARED.remove(settings);
        }
        slot.users--;
        if (slot.users <= 0) {
          BY_CONNECTION.remove(c);
        }
      }
    }
    throw new NatsConnectException("NATS connections to " + redacted(settings.addresses())
        + " closed right after connecting, three times", redactedList(settings.addresses()), null);
  }

  /**
   * Gives back a connection from {@link #acquire}; closes it (bounded by jnats' close) when this
   * was its last user. Releasing a connection that is not (or no longer) acquired logs a warning
   * and does nothing.
   */
  public static void release(Connection connection) {
    Objects.requireNonNull(connection, "connection");
    boolean close = false;
    synchronized (LOCK) {
      Slot slot = BY_CONNECTION.get(connection);
      if (slot == null) {
        LOG.warn("release of a NATS connection that is not acquired (released twice?)");
        return;
      }
      slot.users--;
      if (slot.users <= 0) {
        BY_CONNECTION.remove(connection);
        if (SHARED.get(slot.settings) == slot) {
          SHARED.remove(slot.settings);
        }
        close = true;
      }
    }
    if (close) {
      closeQuietly(connection);
    }
  }

  /**
   * Adds a listener for the events of a connection from {@link #acquire}.
   *
   * @throws IllegalArgumentException when the connection is not acquired
   */
  public static void addListener(Connection connection, ConnectionEventListener listener) {
    Objects.requireNonNull(listener, "listener");
    slotOf(connection).recorder.add(listener);
  }

  /** Removes a listener added with {@link #addListener}; no effect if absent or released. */
  public static void removeListener(Connection connection, ConnectionEventListener listener) {
    Slot slot;
    synchronized (LOCK) {
      slot = BY_CONNECTION.get(connection);
    }
    if (slot != null) {
      slot.recorder.remove(listener);
    }
  }

  /**
   * The event counters of a connection from {@link #acquire}.
   *
   * @throws IllegalArgumentException when the connection is not acquired
   */
  public static ConnectionStats stats(Connection connection) {
    return slotOf(connection).recorder.stats();
  }

  /** The event counters of every connection this process made through this class. */
  public static ConnectionStats totalStats() {
    return TOTAL;
  }

  /** The number of connections currently open through this class (shared ones count once). */
  public static int openConnections() {
    synchronized (LOCK) {
      return BY_CONNECTION.size();
    }
  }

  /** The number of users of a connection from {@link #acquire}; 0 when released. */
  public static int users(Connection connection) {
    synchronized (LOCK) {
      Slot slot = BY_CONNECTION.get(connection);
      return slot == null ? 0 : slot.users;
    }
  }

  // ---- internals ----

  private static Slot slotOf(Connection connection) {
    Objects.requireNonNull(connection, "connection");
    synchronized (LOCK) {
      Slot slot = BY_CONNECTION.get(connection);
      if (slot == null) {
        throw new IllegalArgumentException("connection was not acquired from NatsConnections (or was released)");
      }
      return slot;
    }
  }

  private static void connect(Slot slot) {
    NatsSettings s = slot.settings;
    try {
      Options options = NatsOptionsFactory.create(s, slot.recorder);
      Connection c = Nats.connect(options);
      boolean abandoned;
      synchronized (LOCK) {
        abandoned = slot.users <= 0; // every waiter gave up (timeout or interrupt) meanwhile
        if (abandoned) {
          if (SHARED.get(s) == slot) {
            SHARED.remove(s);
          }
        } else {
          BY_CONNECTION.put(c, slot);
        }
      }
      if (!slot.connection.complete(c) || abandoned) {
        synchronized (LOCK) {
          BY_CONNECTION.remove(c);
        }
        closeQuietly(c); // refused meanwhile, or nobody waits for it any more
      }
    } catch (IOException e) {
      String reported = slot.recorder.lastProblem();
      fail(slot, new NatsConnectException("cannot connect to NATS at " + redacted(s.addresses()) + ": "
          + reasons(e) + (reported.isEmpty() || reasons(e).contains(reported) ? ""
          : " (last problem reported: " + reported + ")"), redactedList(s.addresses()), e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(slot, new NatsConnectException("interrupted while connecting to NATS at "
          + redacted(s.addresses()), redactedList(s.addresses()), e));
    } catch (RuntimeException e) {
      fail(slot, e);
    }
  }

  private static void fail(Slot slot, RuntimeException e) {
    synchronized (LOCK) {
      if (SHARED.get(slot.settings) == slot) {
        SHARED.remove(slot.settings);
      }
    }
    slot.connection.completeExceptionally(e);
  }

  private static Connection await(Slot slot) {
    NatsSettings s = slot.settings;
    Duration bound = s.connectTimeout().multipliedBy(s.addresses().size() * 2L).plusSeconds(10);
    try {
      return slot.connection.get(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new NatsConnectException("cannot connect to NATS at " + redacted(s.addresses()) + ": " + cause,
          redactedList(s.addresses()), cause);
    } catch (TimeoutException e) {
      dropUser(slot);
      throw new NatsConnectException("connecting to NATS at " + redacted(s.addresses()) + " took longer than "
          + bound, redactedList(s.addresses()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      dropUser(slot);
      throw new NatsConnectException("interrupted while waiting for the NATS connection to "
          + redacted(s.addresses()), redactedList(s.addresses()), e);
    }
  }

  private static void dropUser(Slot slot) {
    synchronized (LOCK) {
      slot.users--;
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.debug("interrupted while closing a NATS connection", e);
    }
  }

  private static String reasons(Throwable e) {
    StringBuilder sb = new StringBuilder();
    Throwable t = e;
    for (int i = 0; t != null && i < 5; i++, t = t.getCause()) {
      if (sb.length() > 0) {
        sb.append(" <- ");
      }
      sb.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
    }
    return sb.toString();
  }

  private static List<String> redactedList(List<String> addresses) {
    return Secrets.mask(addresses);
  }

  private static String redacted(List<String> addresses) {
    return String.join(",", redactedList(addresses));
  }
}
