package io.micronats.simulator.fault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Flattens {@link FaultReport}s into the free {@code labels} and {@code counts} maps of a result
 * phase (kept next to the structured {@code faults} list of the results): label keys
 * {@code fault.<i>.name|kind|target|injectedAtMillis|disconnectedAfterMillis|...} and count keys
 * {@code fault.<i>.rpc.failed|rpc.timedOut|broker.lost|registry.deadReturned|...} (and the RPC
 * failures by cause, {@code fault.<i>.rpc.<cause>} with {@link CallResult#key()}, for each cause
 * that occurred), with {@code i}
 * the fault's number in its phase, from 0. Marks that did not happen are absent. The structured copy
 * is the result's {@code faults} list ({@link FaultResults}); these flat keys stay for readers of
 * older reports.
 *
 * <p>Stateless and thread-safe.
 */
public final class FaultLabels {
  private FaultLabels() {}

  /** The labels of {@code reports}. */
  public static Map<String, String> labels(List<FaultReport> reports) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < reports.size(); i++) {
      FaultReport r = reports.get(i);
      String p = "fault." + i + ".";
      out.put(p + "name", r.name());
      out.put(p + "kind", r.kind());
      out.put(p + "target", r.target());
      out.put(p + "injectedAtMillis", Long.toString(r.injectedAtMillis()));
      put(out, p + "revertedAfterMillis", r.revertedAfterMillis());
      put(out, p + "disconnectedAfterMillis", r.disconnectedAfterMillis());
      put(out, p + "reconnectedAfterMillis", r.reconnectedAfterMillis());
      put(out, p + "resubscribedAfterMillis", r.resubscribedAfterMillis());
      put(out, p + "firstErrorAfterMillis", r.firstErrorAfterMillis());
      put(out, p + "firstSuccessAfterMillis", r.firstSuccessAfterMillis());
      put(out, p + "recoveredAfterMillis", r.recoveredAfterMillis());
      if (r.recoveredAfterMillis() == null && r.recoveredUndecided() != null) {
        out.put(p + "recoveredUndecided", r.recoveredUndecided());
      }
      out.put(p + "steps", String.join("; ", r.steps()));
    }
    return out;
  }

  /** The counts of {@code reports}. */
  public static Map<String, Long> counts(List<FaultReport> reports) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < reports.size(); i++) {
      FaultReport r = reports.get(i);
      String p = "fault." + i + ".";
      out.put(p + "disconnects", r.disconnects());
      out.put(p + "reconnects", r.reconnects());
      out.put(p + "rpc.calls", r.rpc().calls());
      out.put(p + "rpc.failed", r.rpc().failed());
      out.put(p + "rpc.timedOut", r.rpc().timedOut());
      out.put(p + "rpc.noResponders", r.rpc().noResponders());
      // every other cause that occurred (timedOut and noResponders are always there)
      r.rpc().failedByCause().forEach((cause, n) -> out.putIfAbsent(p + "rpc." + cause.key(), n));
      out.put(p + "broker.sent", r.broker().sent());
      out.put(p + "broker.lost", r.broker().lost());
      out.put(p + "broker.duplicated", r.broker().duplicated());
      out.put(p + "broker.reordered", r.broker().reordered());
      if (r.registry().lookups() > 0) {
        out.put(p + "registry.lookups", r.registry().lookups());
        out.put(p + "registry.liveMissing", r.registry().liveMissing());
        out.put(p + "registry.deadReturned", r.registry().deadReturned());
        out.put(p + "registry.staleEntries", r.registry().staleEntries());
        out.put(p + "registry.maxStaleMillis", r.registry().maxStaleMillis());
        out.put(p + "registry.stillStale", r.registry().stillStale());
      }
    }
    return out;
  }

  private static void put(Map<String, String> out, String key, @Nullable Long value) {
    if (value != null) {
      out.put(key, Long.toString(value));
    }
  }
}
