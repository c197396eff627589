package io.micronats.simulator.fault;

import java.util.List;

/**
 * The fake-service instances of a run, as the fault injector and the registry audit see them;
 * the fleet implements it.
 *
 * <p>Implementations are thread-safe: the injector calls from its own thread while the workloads
 * run. Every method returns within a few seconds.
 */
public interface ServiceInstances {

  /** The registry node ids of the instances alive now (serving and registered). */
  List<String> liveInstanceIds();

  /**
   * Crashes an instance: it stops answering requests and leaves its broker subscriptions, but is
   * never deregistered, the way a killed process looks to the registry.
   *
   * @return false when no such instance is alive
   */
  boolean crash(String instanceId);

  /**
   * Starts and registers one new instance.
   *
   * @return its registry node id
   */
  String startInstance();

  /**
   * Deregisters and stops an instance gracefully.
   *
   * @return false when no such instance is alive
   */
  boolean stopInstance(String instanceId);

  /**
   * Brings back the crashed instances among {@code instanceIds}, as restarted processes: they
   * register, serve and subscribe again.
   *
   * @return the ids of the instances restarted
   */
  default List<String> restartCrashed(List<String> instanceIds) {
    return List.of();
  }
}
