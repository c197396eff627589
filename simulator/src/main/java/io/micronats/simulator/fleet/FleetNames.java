package io.micronats.simulator.fleet;

import java.util.Locale;

/**
 * Names of the fleet's services, endpoints, nodes and topics, so that workloads can pick targets
 * without asking the fleet. Stateless.
 */
public final class FleetNames {
  private FleetNames() {}

  /** Service number {@code i}: {@code svc-00042}. */
  public static String service(int i) {
    return String.format(Locale.ROOT, "svc-%05d", i);
  }

  /** Endpoint number {@code e}: {@code Svc.Call0}. */
  public static String endpoint(int e) {
    return "Svc.Call" + e;
  }

  /** Node id of instance {@code j} of service {@code i}. */
  public static String node(int i, int j) {
    return service(i) + "-" + j;
  }

  /** Version number {@code v} of every service: {@code 1.<v>.0} ({@code 1.0.0} first). */
  public static String version(int v) {
    return "1." + v + ".0";
  }

  /** Broker topic {@code k} of service {@code i}. */
  public static String topic(int i, int k) {
    return "sim.fleet." + service(i) + ".t" + k;
  }

  /** Queue group of service {@code i}. */
  public static String queue(int i) {
    return "q-" + service(i);
  }
}
