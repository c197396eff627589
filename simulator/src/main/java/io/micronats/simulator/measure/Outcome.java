package io.micronats.simulator.measure;

import java.util.List;

/**
 * How one request ended, and the counter name results use for it: every failure falls in exactly
 * one of the error outcomes, so the phase counts say why each call failed.
 *
 * <p>Immutable.
 */
public enum Outcome {
  /** A reply arrived in time. */
  SUCCESS("successes"),
  /** No reply within the timeout; the peer may still have processed it. */
  TIMEOUT("timeouts"),
  /** Nobody listened at the address: the request reached no server. */
  NO_RESPONDERS("noResponders"),
  /** The registry (or the client's cache of it) knew no node of the service: nothing was sent. */
  SERVICE_NOT_FOUND("serviceNotFound"),
  /**
   * A connection was missing or failed: NATS unreachable or reconnecting, a socket or client
   * closed, a connection lost while waiting for the reply.
   */
  NOT_CONNECTED("notConnected"),
  /** The service answered with an error. */
  REMOTE_ERROR("remoteErrors"),
  /**
   * Any other failure (payload too large, a rejected publish, ...); each is also counted as
   * {@code error.<ExceptionClass>}, so none is anonymous.
   */
  ERROR("errors"),
  /**
   * The open-model generator could not start the request before the phase (plus its drain time)
   * ended, because {@code maxInFlight} requests were outstanding the whole time.
   */
  NOT_SENT("notSent");

  private static final List<String> ERROR_COUNTERS = java.util.Arrays.stream(values())
      .filter(Outcome::isError).map(Outcome::counter).toList();

  private final String counter;

  Outcome(String counter) {
    this.counter = counter;
  }

  /** The counter name in results ({@code successes}, {@code timeouts}, ...). */
  public String counter() {
    return counter;
  }

  /** True for every outcome except {@link #SUCCESS}. */
  public boolean isError() {
    return this != SUCCESS;
  }

  /** The counter names of every error outcome: what to add up for "all failures". */
  public static List<String> errorCounters() {
    return ERROR_COUNTERS;
  }
}
