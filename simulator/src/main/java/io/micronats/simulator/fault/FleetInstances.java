package io.micronats.simulator.fault;

import io.micronats.simulator.fleet.FakeFleet;
import io.micronats.simulator.fleet.FleetNames;
import java.util.List;

/**
 * The fake-service fleet as {@link ServiceInstances}: instance ids are the services' registry node
 * ids; a crash takes down the whole plugin set (connection, registry, transport) hosting the
 * instance without deregistering anything, the way a killed process hosting those services looks.
 *
 * <p>Registry churn grows and shrinks the fleet at its end, so the injector stops the newest
 * instance it started. Thread-safe: delegates to the fleet's synchronized methods.
 */
public final class FleetInstances implements ServiceInstances {
  private final FakeFleet fleet;

  /** The instances of {@code fleet}. */
  public FleetInstances(FakeFleet fleet) {
    this.fleet = fleet;
  }

  @Override
  public List<String> liveInstanceIds() {
    return fleet.liveNodeIds();
  }

  @Override
  public boolean crash(String instanceId) {
    return fleet.crashHostOf(instanceId);
  }

  /** Grows the fleet by one service; returns its first instance's id. */
  @Override
  public synchronized String startInstance() {
    int index = fleet.size();
    try {
      fleet.growTo(index + 1);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start a fake service: " + e.getMessage(), e);
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
    fleet.shrinkTo(last);
    return true;
  }
}
