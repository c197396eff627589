package io.micronats.simulator.fault;

import io.micronats.simulator.measure.Outcome;
import java.util.EnumMap;
import java.util.Map;

/**
 * How one RPC call ended, as the workload reports it to a {@link FaultTimeline}: one value per
 * failure cause, so that a fault's loss is accounted for by cause.
 *
 * <p>Immutable.
 */
public enum CallResult {
  /** A reply arrived in time. */
  OK(Outcome.SUCCESS, "succeeded"),
  /** No reply within the call's timeout. */
  TIMEOUT(Outcome.TIMEOUT, "timedOut"),
  /** The server said nobody listens on the subject (503): the request reached no server. */
  NO_RESPONDERS(Outcome.NO_RESPONDERS),
  /** The registry, or the client's cache of it, knew no node of the service: nothing was sent. */
  SERVICE_NOT_FOUND(Outcome.SERVICE_NOT_FOUND),
  /** A connection was missing or failed (NATS unreachable or reconnecting, a socket closed). */
  NOT_CONNECTED(Outcome.NOT_CONNECTED),
  /** The service answered with an error. */
  REMOTE_ERROR(Outcome.REMOTE_ERROR),
  /** Any other failure; the phase counts name its exception class ({@code error.<Class>}). */
  ERROR(Outcome.ERROR),
  /**
   * Never sent: the load generator had {@code maxInFlight} calls outstanding until the phase
   * ended (the simulator's own saturation, not a failure of the system under test).
   */
  NOT_SENT(Outcome.NOT_SENT);

  /** Every outcome's result; built once, and fails class loading if an outcome has none. */
  private static final Map<Outcome, CallResult> BY_OUTCOME = byOutcome();

  private final Outcome outcome;
  private final String key;

  /** A result named like its outcome's phase counter. */
  CallResult(Outcome outcome) {
    this(outcome, outcome.counter());
  }

  /** A result with its own name: the fault report's fields for these differ from the counters. */
  CallResult(Outcome outcome, String key) {
    this.outcome = outcome;
    this.key = key;
  }

  /**
   * The name of this result in a fault's accounting ({@code fault.<i>.rpc.<key>}): the
   * {@link FaultReport.RpcLoss} field names {@code succeeded}, {@code timedOut}, and the phase
   * counter names ({@link Outcome#counter()}) for the others.
   */
  public String key() {
    return key;
  }

  private static Map<Outcome, CallResult> byOutcome() {
    Map<Outcome, CallResult> map = new EnumMap<>(Outcome.class);
    for (CallResult r : values()) {
      map.put(r.outcome, r);
    }
    if (map.size() != Outcome.values().length) {
      throw new IllegalStateException("an outcome has no call result: " + map.keySet());
    }
    return map;
  }

  /** True for every result except {@link #OK}: the call counts as failed. */
  public boolean isFailure() {
    return this != OK;
  }

  /** The result an RPC outcome stands for. */
  public static CallResult of(Outcome outcome) {
    CallResult result = BY_OUTCOME.get(outcome);
    if (result == null) {
      throw new IllegalArgumentException("no call result for outcome " + outcome);
    }
    return result;
  }
}
