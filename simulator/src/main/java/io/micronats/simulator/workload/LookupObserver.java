package io.micronats.simulator.workload;

import java.util.List;
import java.util.Set;

/**
 * What the discovery workload tells about every lookup, for whoever checks lookups against the
 * fleet's truth while faults kill and start instances (the fault package's registry audit).
 *
 * <p>Called from the lookup workers and the workload's probe thread at once: implementations are
 * thread-safe, fast and do not throw.
 */
public interface LookupObserver {
  /** A lookup of {@code service} at {@code nanos} returned the instance ids {@code returned}. */
  void lookedUp(long nanos, String service, Set<String> returned);

  /**
   * Up to {@code max} services, from {@code offset} round-robin, whose accounting is still open
   * (a dead instance not yet gone, a new one not yet seen): the workload looks them up while a
   * phase runs.
   */
  List<String> watchedServices(int max, int offset);
}
