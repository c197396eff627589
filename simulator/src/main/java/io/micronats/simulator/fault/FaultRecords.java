package io.micronats.simulator.fault;

import io.micronats.simulator.workload.PhaseRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attaches fault reports to the phase records of a run: each phase gets the labels and counts
 * ({@link FaultLabels}) of the faults injected during it, plus a human-readable
 * {@code fault.<i>.summary} label.
 *
 * <p>Stateless and thread-safe.
 */
public final class FaultRecords {
  private FaultRecords() {}

  /** The records with their faults attached; records without faults are returned unchanged. */
  public static List<PhaseRecord> attach(List<PhaseRecord> records, List<FaultReport> reports) {
    List<PhaseRecord> out = new ArrayList<>();
    for (PhaseRecord r : records) {
      List<FaultReport> mine = reports.stream().filter(f -> f.phase().equals(r.name())).toList();
      if (mine.isEmpty()) {
        out.add(r);
        continue;
      }
      Map<String, Long> counts = new LinkedHashMap<>(r.counts());
      counts.putAll(FaultLabels.counts(mine));
      Map<String, String> labels = new LinkedHashMap<>(r.labels());
      labels.putAll(FaultLabels.labels(mine));
      for (int i = 0; i < mine.size(); i++) {
        labels.put("fault." + i + ".summary", mine.get(i).describe().strip().replace("\n", "; "));
      }
      out.add(new PhaseRecord(r.name(), r.workload(), r.closed(), r.targetRate(), r.concurrency(),
          r.measurement(), counts, r.rates(), labels));
    }
    return out;
  }

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
    return String.format(java.util.Locale.ROOT,
        "%s: measured loss %d of %d; rate %.0f/s x (detection + resubscribe %d ms) = %.0f expected",
        r.name(), r.broker().lost(), r.broker().sent(), publishRatePerSecond, window, expected);
  }
}
