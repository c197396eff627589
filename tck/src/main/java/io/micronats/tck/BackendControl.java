package io.micronats.tck;

/**
 * A hook an implementer may supply so that the TCK can take the backend (a NATS server, a
 * database) down and bring it back, for the rules of {@link Capability#BACKEND_RESTART}.
 *
 * <p>Called from the test thread only, one call at a time. Each method returns when the change is
 * complete: {@link #stop()} when the backend no longer answers, {@link #start()} when it accepts
 * connections again. Clients created before the stop are expected to reconnect by themselves.
 *
 * <pre>{@code
 * BackendControl control = new BackendControl() {
 *   public void stop() { cluster.node(0).stop(); }
 *   public void start() { cluster.node(0).restart(); }
 * };
 * }</pre>
 */
public interface BackendControl {

  /** Stops the backend; returns once it no longer accepts connections. */
  void stop() throws Exception;

  /** Starts the backend again; returns once it accepts connections. */
  void start() throws Exception;

  /** Stops and starts the backend. */
  default void restart() throws Exception {
    stop();
    start();
  }
}
