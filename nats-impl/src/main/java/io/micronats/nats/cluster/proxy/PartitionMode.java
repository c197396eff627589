package io.micronats.nats.cluster.proxy;

/**
 * How a {@link ProxyMesh} cuts the route between two nodes.
 *
 * <p>Immutable.
 */
public enum PartitionMode {
  /**
   * The route proxies go silent both ways and keep their sockets: the servers notice only through
   * their own route pings or write deadlines, the realistic grey partition.
   */
  SILENT,
  /** The route connections are reset and reconnects refused: both servers notice at once. */
  CUT
}
