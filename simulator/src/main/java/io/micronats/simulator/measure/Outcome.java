package io.micronats.simulator.measure;

/**
 * How one request ended, and the counter name results use for it.
 */
public enum Outcome {
  /** A reply arrived in time. */
  SUCCESS("successes"),
  /** No reply within the timeout; the peer may still have processed it. */
  TIMEOUT("timeouts"),
  /** Nobody listened at the address. */
  NO_RESPONDERS("noResponders"),
  /** The service answered with an error. */
  REMOTE_ERROR("remoteErrors"),
  /** Any other failure (closed transport, payload too large, ...). */
  ERROR("errors"),
  /**
   * The open-model generator could not start the request before the phase (plus its drain time)
   * ended, because {@code maxInFlight} requests were outstanding the whole time.
   */
  NOT_SENT("notSent");

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
}
