package io.micronats.simulator.load;

import io.micronats.simulator.measure.Outcome;
import io.micronats.simulator.measure.PhaseMeter;
import io.micronats.spi.ClosedException;
import io.micronats.spi.NoRespondersException;
import io.micronats.spi.NotConnectedException;
import io.micronats.spi.OperationTimeoutException;
import io.micronats.spi.RegistryException;
import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.TransportException;
import io.micronats.spi.rpc.RemoteException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Maps the failures of an operation to the counted outcomes. Stateless.
 *
 * <p>The cause chain is searched outermost first: a timeout, a no-responders, a service not
 * found or a remote error anywhere in it decides (in that order of depth); otherwise a missing or
 * failed connection anywhere in it (a {@link TransportException}, {@link RegistryException},
 * {@link ClosedException} or {@link NotConnectedException}) makes it
 * {@link Outcome#NOT_CONNECTED}; anything else is {@link Outcome#ERROR}.
 */
public final class Outcomes {
  private static final int MAX_DEPTH = 8;

  private Outcomes() {}

  /**
   * Counts a failure by its exception type as well, {@code error.<Class>} (plus
   * {@code error.<Class>.<RootCauseClass>} when the root cause is of another type), so that the
   * results say what every failure other than a timeout or a no-responders was.
   */
  public static void countError(PhaseMeter meter, long intended, Outcome outcome, Throwable error) {
    if (outcome == Outcome.SUCCESS || outcome == Outcome.TIMEOUT || outcome == Outcome.NO_RESPONDERS) {
      return;
    }
    String name = error.getClass().getSimpleName();
    meter.count("error." + name, intended);
    Throwable root = root(error);
    if (root != error && root.getClass() != error.getClass()) {
      meter.count("error." + name + "." + root.getClass().getSimpleName(), intended);
    }
  }

  /** The outcome an exception stands for; see the class comment for the order of the rules. */
  public static Outcome classify(Throwable error) {
    Throwable e = error;
    for (int depth = 0; e != null && depth < MAX_DEPTH; depth++, e = e.getCause()) {
      Outcome specific = specific(e);
      if (specific != null) {
        return specific;
      }
    }
    e = error;
    for (int depth = 0; e != null && depth < MAX_DEPTH; depth++, e = e.getCause()) {
      if (e instanceof TransportException || e instanceof RegistryException || e instanceof ClosedException
          || e instanceof NotConnectedException) {
        return Outcome.NOT_CONNECTED;
      }
    }
    return Outcome.ERROR;
  }

  private static @Nullable Outcome specific(Throwable e) {
    if (e instanceof OperationTimeoutException || e instanceof TimeoutException) {
      return Outcome.TIMEOUT;
    }
    if (e instanceof NoRespondersException) {
      return Outcome.NO_RESPONDERS;
    }
    if (e instanceof ServiceNotFoundException) {
      return Outcome.SERVICE_NOT_FOUND;
    }
    if (e instanceof RemoteException || e.getClass().getSimpleName().contains("Remote")) {
      return Outcome.REMOTE_ERROR;
    }
    return null;
  }

  private static Throwable root(Throwable error) {
    Throwable e = error;
    for (int depth = 0; e.getCause() != null && e.getCause() != e && depth < MAX_DEPTH; depth++) {
      e = e.getCause();
    }
    return e;
  }
}
