package io.micronats.reports.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Objects;

/**
 * The environment stamp of a run: the versions and the machine that produced the numbers, so a
 * report can tell when two runs are not comparable.
 *
 * <p>Immutable and thread-safe. Use {@code "none"} for a version that does not apply (for example
 * {@code natsServer} for the in-memory implementation). {@code extra} holds anything else worth
 * stating (CPU model, GC and heap flags, jnats options, topology), in insertion order.
 *
 * <pre>{@code
 * Environment env = Environment.detect("2.26.2", "2.9.10")
 *     .withExtra(Map.of("gc", "G1", "requestStyle", "mux"));
 * }</pre>
 *
 * @param java the JDK version, for example {@code "17.0.15"}
 * @param jnats the jnats version
 * @param natsServer the nats-server version
 * @param cores available processors
 * @param os operating system name, version and architecture
 * @param hostname the machine's host name
 * @param extra further facts, name to value
 */
public record Environment(
    String java, String jnats, String natsServer, int cores, String os, String hostname,
    Map<String, String> extra) {

  /** Validates every field and copies {@code extra}. */
  public Environment {
    Objects.requireNonNull(java, "environment.java");
    Objects.requireNonNull(jnats, "environment.jnats");
    Objects.requireNonNull(natsServer, "environment.natsServer");
    Objects.requireNonNull(os, "environment.os");
    Objects.requireNonNull(hostname, "environment.hostname");
    if (cores < 1) {
      throw new IllegalArgumentException("environment.cores must be >= 1, was " + cores);
    }
    extra = Copies.map(extra, "environment.extra");
  }

  /**
   * The stamp of this JVM and machine (Java version, OS, cores, host name) with the given
   * versions, which this module cannot know.
   */
  public static Environment detect(String jnats, String natsServer) {
    String os = System.getProperty("os.name", "unknown") + " " + System.getProperty("os.version", "")
        + " (" + System.getProperty("os.arch", "") + ")";
    return new Environment(System.getProperty("java.version", "unknown"), jnats, natsServer,
        Runtime.getRuntime().availableProcessors(), os.trim(), localHostName(), Map.of());
  }

  /** A copy with {@code extra} replaced. */
  public Environment withExtra(Map<String, String> newExtra) {
    return new Environment(java, jnats, natsServer, cores, os, hostname, newExtra);
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      // The stamp is informative only; fall back to the environment variable.
      String fromEnv = System.getenv("HOSTNAME");
      return fromEnv == null || fromEnv.isBlank() ? "unknown" : fromEnv;
    }
  }
}
