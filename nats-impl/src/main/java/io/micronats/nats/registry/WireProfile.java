package io.micronats.nats.registry;

/**
 * The subjects and event vocabulary a {@link NatsRegistry} speaks.
 *
 * <p>Both profiles use go-micro's JSON: queries {@code {"Action":"get"|"list","Service":...}},
 * one reply per (service, version) holding the service with lower-case keys, and watch events
 * {@code {"Action":...,"Service":...}}. micronats adds NATS headers ({@code Mn-Instance},
 * {@code Mn-Ttl}, {@code Mn-Heartbeat}) that Go ignores.
 */
public enum WireProfile {
  /** micronats' own subjects; watch actions {@code create}, {@code update}, {@code delete}. */
  MICRONATS("micronats.registry.query", "micronats.registry.watch", false),
  /**
   * go-micro's NATS registry plugin: subjects {@code micro.registry.nats.query} and
   * {@code micro.registry.nats.watch}; watch actions {@code create} and {@code delete} only (an
   * update is announced as {@code create}, as go-micro's re-registrations are).
   */
  GO_MICRO("micro.registry.nats.query", "micro.registry.nats.watch", true);

  private final String querySubject;
  private final String watchSubject;
  private final boolean createForUpdate;

  WireProfile(String querySubject, String watchSubject, boolean createForUpdate) {
    this.querySubject = querySubject;
    this.watchSubject = watchSubject;
    this.createForUpdate = createForUpdate;
  }

  /** The default query subject. */
  public String querySubject() {
    return querySubject;
  }

  /** The default watch subject. */
  public String watchSubject() {
    return watchSubject;
  }

  /** The action string announcing an update. */
  String updateAction() {
    return createForUpdate ? "create" : "update";
  }
}
