package io.micronats.simulator.fault;

import java.util.Locale;

/**
 * What a run prints about its faults beside the structured results.
 *
 * <p>Stateless and thread-safe.
 */
public final class FaultRecords {
  private FaultRecords() {}

  /**
   * The rule of thumb for a broker fault next to what was measured: expected loss is the publish
   * rate times the time until every client had resubscribed (detection plus resubscription).
   */
  public static String ruleOfThumb(FaultReport r, double publishRatePerSecond) {
    Long window = r.resubscribedAfterMillis() != null ? r.resubscribedAfterMillis() : r.reconnectedAfterMillis();
    if (window == null) {
      return r.name() + ": no client had to reconnect; measured loss " + r.broker().lost()
          + " of " + r.broker().sent();
    }
    double expected = publishRatePerSecond * window / 1000.0;
    return String.format(Locale.ROOT,
        "%s: measured loss %d of %d; rate %.0f/s x (detection + resubscribe %d ms) = %.0f expected",
        r.name(), r.broker().lost(), r.broker().sent(), publishRatePerSecond, window, expected);
  }
}
