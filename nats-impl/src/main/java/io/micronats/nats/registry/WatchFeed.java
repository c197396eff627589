package io.micronats.nats.registry;

import io.micronats.spi.RegistryException;
import io.micronats.spi.registry.WatchEvent;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The watch side of one {@link NatsRegistry}: its changes published as events on the watch
 * subject, and every event (its own, other instances', expiries) handed to its watchers.
 *
 * <p>Thread-safe. Handing out is serialized by one lock, so all watchers see events in the same
 * order; publishing takes no lock.
 */
final class WatchFeed {

  private final String watchSubject;
  private final String instance;
  private final WireProfile profile;
  private final Set<NatsWatcher> watchers = ConcurrentHashMap.newKeySet();
  private final Object fanOutLock = new Object();

  WatchFeed(String watchSubject, String instance, WireProfile profile) {
    this.watchSubject = watchSubject;
    this.instance = instance;
    this.profile = profile;
  }

  /** A new watcher of {@code service} (or of all services), fed from now on. */
  NatsWatcher watcher(@Nullable String service) {
    NatsWatcher watcher = new NatsWatcher(this, service);
    watchers.add(watcher);
    return watcher;
  }

  /** Called by a watcher that stopped. */
  void forget(NatsWatcher watcher) {
    watchers.remove(watcher);
  }

  /** Stops every watcher; they then throw {@code ClosedException}. */
  void stopAll() {
    List.copyOf(watchers).forEach(NatsWatcher::stop);
  }

  /**
   * Publishes a change of this instance and, unless it is a heartbeat, hands it to the watchers.
   *
   * @param ttl the nodes' TTL in milliseconds, 0 for none
   * @throws RegistryException when it could not be published; the watchers did not see it
   */
  void announce(Connection c, LocalStore.Change change, long ttl, boolean heartbeat) {
    publish(c, change, ttl, heartbeat);
    if (!heartbeat) {
      fanOut(new WatchEvent(change.action(), change.service()));
    }
  }

  /**
   * Publishes a change on the watch subject, in the profile's vocabulary, without handing it to
   * this instance's watchers.
   *
   * @throws RegistryException when the connection refused it
   */
  void publish(Connection c, LocalStore.Change change, long ttl, boolean heartbeat) {
    String action = switch (change.action()) {
      case CREATE -> "create";
      case UPDATE -> profile.updateAction();
      case DELETE -> "delete";
    };
    Headers headers = new Headers().put(NatsRegistry.INSTANCE, instance);
    if (ttl > 0) {
      headers.put(NatsRegistry.TTL, Long.toString(ttl));
    }
    if (heartbeat) {
      headers.put(NatsRegistry.HEARTBEAT, "1");
    }
    try {
      c.publish(watchSubject, headers, RegistryCodec.event(action, change.service()).getBytes(StandardCharsets.UTF_8));
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new RegistryException("announcing " + action + " of '" + change.service().name() + "' failed: " + e.getMessage(), e);
    }
  }

  /** Hands an event to every watcher of its service. */
  void fanOut(WatchEvent event) {
    synchronized (fanOutLock) {
      for (NatsWatcher w : watchers) {
        if (w.accepts(event.service().name())) {
          w.enqueue(event);
        }
      }
    }
  }
}
