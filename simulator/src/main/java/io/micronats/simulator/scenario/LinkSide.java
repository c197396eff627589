package io.micronats.simulator.scenario;

/**
 * Which links of a node a link fault touches.
 *
 * <p>Immutable.
 */
public enum LinkSide {
  /** The links between the node and its clients (the client-port proxy). */
  CLIENT,
  /** The routes between the node and the other nodes (the route proxies). */
  ROUTES
}
