package io.micronats.simulator.fault;

/**
 * How one RPC call ended, as the workload reports it to a {@link FaultTimeline}.
 *
 * <p>Immutable.
 */
public enum CallResult {
  /** A reply arrived in time. */
  OK,
  /** No reply within the call's timeout. */
  TIMEOUT,
  /** The server said nobody listens on the subject (503). */
  NO_RESPONDERS,
  /** Any other failure: remote error, not connected, rejected publish. */
  ERROR
}
