package io.micronats.spi.registry;

import java.util.Objects;

/**
 * A change seen by a {@link Watcher}: a service (with the nodes concerned) was created, updated
 * or deleted.
 *
 * <p>Immutable. For {@link Action#DELETE}, the service holds the nodes that went away (by
 * deregistration or expiry).
 *
 * @param action what happened
 * @param service the service and the nodes concerned
 */
public record WatchEvent(Action action, Service service) {

  /** What happened to a service. */
  public enum Action {
    /** Nodes were registered for a service that had none. */
    CREATE,
    /** Nodes were added to or refreshed in a known service. */
    UPDATE,
    /** Nodes were deregistered or expired. */
    DELETE
  }

  public WatchEvent {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(service, "service");
  }
}
