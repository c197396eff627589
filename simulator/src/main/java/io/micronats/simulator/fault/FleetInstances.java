package io.micronats.simulator.fault;

import io.micronats.simulator.fleet.FakeFleet;
import io.micronats.simulator.fleet.FleetNames;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fake-service fleet as {@link ServiceInstances}: instance ids are the services' registry node
 * ids; a crash takes down the whole plugin set (connection, registry, transport) hosting the
 * instance without deregistering anything, the way a killed process hosting those services looks.
 *
 * <p>Registry churn grows and shrinks the fleet at its end, so the injector stops the newest
 * instance it started. For the {@link RegistryAudit}, it keeps a snapshot of the live instances per
 * service ({@link #liveOf}), refreshed by every change it makes and by
 * {@link #liveInstanceIds()} (the fault session calls it at each phase start, after the run has
 * grown or shrunk the fleet), so lookups can be checked without taking the fleet's lock.
 *
 * <p>Thread-safe: delegates to the fleet's synchronized methods; the snapshot is published
 * through a volatile field.
 */
public final class FleetInstances implements ServiceInstances {
  private final FakeFleet fleet;
  private volatile Map<String, Set<String>> byService = Map.of();

  /** The instances of {@code fleet}. */
  public FleetInstances(FakeFleet fleet) {
    this.fleet = fleet;
  }

  @Override
  public List<String> liveInstanceIds() {
    List<String> ids = fleet.liveNodeIds();
    Map<String, Set<String>> map = new HashMap<>();
    for (String id : ids) {
      map.computeIfAbsent(serviceOf(id), k -> new HashSet<>()).add(id);
    }
    byService = map;
    return ids;
  }

  /** The ids of {@code service}'s instances alive at the last refresh; empty when none. */
  public Set<String> liveOf(String service) {
    return byService.getOrDefault(service, Set.of());
  }

  /** The service of an instance id ({@code svc-00042-0} is an instance of {@code svc-00042}). */
  public static String serviceOf(String instanceId) {
    int dash = instanceId.lastIndexOf('-');
    return dash <= 0 ? instanceId : instanceId.substring(0, dash);
  }

  @Override
  public synchronized List<String> restartCrashed(List<String> instanceIds) {
    try {
      return fleet.restartCrashed(instanceIds);
    } catch (Exception e) {
      throw new IllegalStateException("cannot restart crashed instances: " + e.getMessage(), e);
    } finally {
      liveInstanceIds();
    }
  }

  @Override
  public boolean crash(String instanceId) {
    boolean crashed = fleet.crashHostOf(instanceId);
    liveInstanceIds();
    return crashed;
  }

  /** Grows the fleet by one service; returns its first instance's id. */
  @Override
  public synchronized String startInstance() {
    int index = fleet.size();
    try {
      fleet.growTo(index + 1);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start a fake service: " + e.getMessage(), e);
    } finally {
      liveInstanceIds();
    }
    return FleetNames.node(index, 0);
  }

  /** Stops the newest service when {@code instanceId} is its first instance (the fleet shrinks from the end). */
  @Override
  public synchronized boolean stopInstance(String instanceId) {
    int last = fleet.size() - 1;
    if (last < 0 || !FleetNames.node(last, 0).equals(instanceId)) {
      return false;
    }
    // gone from the truth before the deregistration starts: a lookup from now on returning it is stale
    Map<String, Set<String>> map = new HashMap<>(byService);
    map.remove(serviceOf(instanceId));
    byService = map;
    fleet.shrinkTo(last);
    liveInstanceIds();
    return true;
  }
}
