package io.micronats.simulator.fault;

import io.micronats.reports.model.Fault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts {@link FaultReport}s into the results model's {@link Fault} records, the only form
 * of fault results in {@code results.json} (the {@code faults} list), field for field, with the
 * RPC failures by cause and the reason a recovery mark is absent.
 *
 * <p>Stateless and thread-safe.
 */
public final class FaultResults {
  private FaultResults() {}

  /** The model record of {@code r}; an empty phase (timed against the run) becomes no phase. */
  public static Fault of(FaultReport r) {
    return new Fault(r.name(), r.kind(), r.target(), r.phase().isEmpty() ? null : r.phase(), r.injectedAtMillis(),
        r.windowMillis(), r.revertedAfterMillis(), r.disconnectedAfterMillis(), r.reconnectedAfterMillis(),
        r.resubscribedAfterMillis(), r.firstErrorAfterMillis(), r.firstSuccessAfterMillis(),
        r.recoveredAfterMillis(), r.disconnects(), r.reconnects(), r.steps(),
        new Fault.Rpc(r.rpc().calls(), r.rpc().succeeded(), r.rpc().failed(), r.rpc().timedOut(),
            r.rpc().noResponders(), causes(r.rpc())),
        new Fault.Broker(r.broker().sent(), r.broker().lost(), r.broker().duplicated(), r.broker().reordered(),
            r.broker().rejected()),
        new Fault.Registry(r.registry().lookups(), r.registry().liveMissing(), r.registry().deadReturned(),
            r.registry().staleEntries(), r.registry().maxStaleMillis(), r.registry().stillStale()),
        r.recoveredAfterMillis() == null ? r.recoveredUndecided() : null);
  }

  /** The failures by cause beyond timeouts and missing responders (fields of their own), in cause order. */
  private static Map<String, Long> causes(FaultReport.RpcLoss rpc) {
    Map<String, Long> out = new LinkedHashMap<>();
    rpc.failedByCause().forEach((cause, n) -> {
      if (cause != CallResult.TIMEOUT && cause != CallResult.NO_RESPONDERS) {
        out.put(cause.key(), n);
      }
    });
    return out;
  }

  /** The model records of {@code reports}, in order. */
  public static List<Fault> of(List<FaultReport> reports) {
    return reports.stream().map(FaultResults::of).toList();
  }
}
