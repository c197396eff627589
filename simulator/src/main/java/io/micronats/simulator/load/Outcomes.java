package io.micronats.simulator.load;

import io.micronats.simulator.measure.Outcome;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.OperationTimeoutException;

/**
 * Maps the failures of an operation to the counted outcomes. Stateless.
 */
public final class Outcomes {
  private Outcomes() {}

  /**
   * Counts an unexpected failure by its exception type ({@code error.TransportException}), so that
   * results say what the "errors" were. Timeouts and no-responders are not broken down.
   */
  public static void countError(io.micronats.simulator.measure.PhaseMeter meter, long intended, Outcome outcome,
      Throwable error) {
    if (outcome == Outcome.ERROR || outcome == Outcome.REMOTE_ERROR) {
      meter.count("error." + error.getClass().getSimpleName(), intended);
    }
  }

  /** The outcome an exception stands for: timeout, no responders, remote error or other error. */
  public static Outcome classify(Throwable error) {
    Throwable e = error;
    for (int depth = 0; e != null && depth < 5; depth++, e = e.getCause()) {
      if (e instanceof OperationTimeoutException || e instanceof java.util.concurrent.TimeoutException) {
        return Outcome.TIMEOUT;
      }
      if (e instanceof NoRespondersException) {
        return Outcome.NO_RESPONDERS;
      }
      if (e.getClass().getSimpleName().contains("Remote")) {
        return Outcome.REMOTE_ERROR;
      }
    }
    return Outcome.ERROR;
  }
}
