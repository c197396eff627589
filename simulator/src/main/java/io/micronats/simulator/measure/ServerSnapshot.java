package io.micronats.simulator.measure;

/**
 * One nats-server's {@code /varz} numbers at one instant. Immutable.
 *
 * @param monitorUrl the monitoring address it came from
 * @param available false when the endpoint could not be read (the other fields are then 0)
 * @param cpuPercent the server's CPU use as it reports it
 * @param memBytes resident memory
 * @param connections client connections
 * @param routes route connections
 * @param inMsgs messages received so far
 * @param outMsgs messages sent so far
 * @param slowConsumers slow consumers so far
 */
public record ServerSnapshot(String monitorUrl, boolean available, double cpuPercent, long memBytes, long connections,
    long routes, long inMsgs, long outMsgs, long slowConsumers) {

  /** A snapshot for a server whose endpoint did not answer. */
  public static ServerSnapshot unavailable(String monitorUrl) {
    return new ServerSnapshot(monitorUrl, false, 0, 0, 0, 0, 0, 0, 0);
  }
}
