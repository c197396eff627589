package io.micronats.simulator.fault;

import io.micronats.simulator.measure.Outcome;

/**
 * How one RPC call ended, as the workload reports it to a {@link FaultTimeline}: one value per
 * failure cause, so that a fault's loss is accounted for by cause.
 *
 * <p>Immutable.
 */
public enum CallResult {
  /** A reply arrived in time. */
  OK("succeeded"),
  /** No reply within the call's timeout. */
  TIMEOUT("timedOut"),
  /** The server said nobody listens on the subject (503): the request reached no server. */
  NO_RESPONDERS("noResponders"),
  /** The registry, or the client's cache of it, knew no node of the service: nothing was sent. */
  SERVICE_NOT_FOUND("serviceNotFound"),
  /** A connection was missing or failed (NATS unreachable or reconnecting, a socket closed). */
  NOT_CONNECTED("notConnected"),
  /** The service answered with an error. */
  REMOTE_ERROR("remoteErrors"),
  /** Any other failure; the phase counts name its exception class ({@code error.<Class>}). */
  ERROR("errors"),
  /**
   * Never sent: the load generator had {@code maxInFlight} calls outstanding until the phase
   * ended (the simulator's own saturation, not a failure of the system under test).
   */
  NOT_SENT("notSent");

  private final String key;

  CallResult(String key) {
    this.key = key;
  }

  /**
   * The name of this result in a fault's accounting ({@code fault.<i>.rpc.<key>}): the
   * {@link FaultReport.RpcLoss} field names {@code succeeded}, {@code timedOut},
   * {@code noResponders}, and the phase counter names ({@link Outcome#counter()}) for the others.
   */
  public String key() {
    return key;
  }

  /** True for every result except {@link #OK}: the call counts as failed. */
  public boolean isFailure() {
    return this != OK;
  }

  /** The result an RPC outcome stands for. */
  public static CallResult of(Outcome outcome) {
    return switch (outcome) {
      case SUCCESS -> OK;
      case TIMEOUT -> TIMEOUT;
      case NO_RESPONDERS -> NO_RESPONDERS;
      case SERVICE_NOT_FOUND -> SERVICE_NOT_FOUND;
      case NOT_CONNECTED -> NOT_CONNECTED;
      case REMOTE_ERROR -> REMOTE_ERROR;
      case ERROR -> ERROR;
      case NOT_SENT -> NOT_SENT;
    };
  }
}
