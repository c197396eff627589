package io.micronats.simulator.fault;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * What one fault did: its timeline (each mark in milliseconds after the injection, null when it
 * did not happen inside the fault's window) and what was lost in the window, which runs from the
 * injection to the next fault's injection or the end of the run.
 *
 * <p>Immutable.
 *
 * @param name the fault's name
 * @param kind the fault's kind, as in scenarios ({@code kill}, {@code pause}...)
 * @param target what it was aimed at, described
 * @param phase the phase it was timed in, empty for the run
 * @param injectedAtMillis when it was injected, milliseconds after the measured start of its
 *     phase (or of the run)
 * @param windowMillis the length of the fault's window
 * @param revertedAfterMillis when it was reverted (resume, restart, heal)
 * @param disconnectedAfterMillis the first client disconnection
 * @param reconnectedAfterMillis when the last disconnected client had reconnected
 * @param resubscribedAfterMillis when the last disconnected client had resubscribed
 * @param firstErrorAfterMillis the first failed operation
 * @param firstSuccessAfterMillis the first successful operation after the disruption began
 *     (the first disconnection or error; the injection when there was neither)
 * @param recoveredAfterMillis when error rate and p99 were back to baseline, held for several
 *     intervals
 * @param disconnects client disconnections in the window
 * @param reconnects client reconnections in the window
 * @param steps what the injector did, in order, each as {@code +<ms> <what>}
 * @param rpc RPC calls in the window (by actual send time)
 * @param broker broker messages in the window (loss by send time)
 * @param registry registry lookups in the window
 * @param recoveredUndecided why {@code recoveredAfterMillis} is absent (the window was too short,
 *     nothing completed, still off the baseline), null when it is present or not computed
 */
public record FaultReport(String name, String kind, String target, String phase, long injectedAtMillis,
    long windowMillis, @Nullable Long revertedAfterMillis, @Nullable Long disconnectedAfterMillis,
    @Nullable Long reconnectedAfterMillis, @Nullable Long resubscribedAfterMillis,
    @Nullable Long firstErrorAfterMillis, @Nullable Long firstSuccessAfterMillis,
    @Nullable Long recoveredAfterMillis, long disconnects, long reconnects, List<String> steps,
    RpcLoss rpc, BrokerLoss broker, RegistryLoss registry, @Nullable String recoveredUndecided) {

  /** A report without a reason for an absent recovery mark. */
  public FaultReport(String name, String kind, String target, String phase, long injectedAtMillis,
      long windowMillis, @Nullable Long revertedAfterMillis, @Nullable Long disconnectedAfterMillis,
      @Nullable Long reconnectedAfterMillis, @Nullable Long resubscribedAfterMillis,
      @Nullable Long firstErrorAfterMillis, @Nullable Long firstSuccessAfterMillis,
      @Nullable Long recoveredAfterMillis, long disconnects, long reconnects, List<String> steps,
      RpcLoss rpc, BrokerLoss broker, RegistryLoss registry) {
    this(name, kind, target, phase, injectedAtMillis, windowMillis, revertedAfterMillis, disconnectedAfterMillis,
        reconnectedAfterMillis, resubscribedAfterMillis, firstErrorAfterMillis, firstSuccessAfterMillis,
        recoveredAfterMillis, disconnects, reconnects, steps, rpc, broker, registry, null);
  }

  public FaultReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(phase, "phase");
    steps = List.copyOf(steps);
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(registry, "registry");
  }

  /**
   * RPC calls actually sent in the window (a call never sent, {@link CallResult#NOT_SENT}, by its
   * intended send time), by how they ended.
   *
   * @param calls every call
   * @param succeeded calls answered in time
   * @param failed calls that did not succeed, whatever the cause (the sum of {@code failedByCause})
   * @param timedOut of the failed, those that timed out
   * @param noResponders of the failed, those that met no responder
   * @param failedByCause the failed calls by cause, in {@link CallResult} order, only causes that
   *     occurred (never {@link CallResult#OK})
   */
  public record RpcLoss(long calls, long succeeded, long failed, long timedOut, long noResponders,
      Map<CallResult, Long> failedByCause) {
    /** Nothing. */
    public static final RpcLoss NONE = of(Map.of());

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException when a number is negative, when {@code failedByCause}
     *     holds {@link CallResult#OK} or does not add up to {@code failed}, {@code timedOut} and
     *     {@code noResponders}, or when succeeded and failed do not add up to {@code calls}
     */
    public RpcLoss {
      EnumMap<CallResult, Long> causes = new EnumMap<>(CallResult.class);
      long sum = 0;
      for (Map.Entry<CallResult, Long> e : failedByCause.entrySet()) {
        long n = Objects.requireNonNull(e.getValue(), "failedByCause value");
        if (e.getKey() == CallResult.OK || n < 0) {
          throw new IllegalArgumentException("failedByCause: " + e.getKey() + "=" + n + " is not a failure count");
        }
        if (n > 0) {
          causes.put(e.getKey(), n);
          sum += n;
        }
      }
      if (calls < 0 || succeeded < 0 || failed != sum || calls != succeeded + failed
          || timedOut != causes.getOrDefault(CallResult.TIMEOUT, 0L)
          || noResponders != causes.getOrDefault(CallResult.NO_RESPONDERS, 0L)) {
        throw new IllegalArgumentException("inconsistent RPC accounting: calls " + calls + ", succeeded " + succeeded
            + ", failed " + failed + ", timedOut " + timedOut + ", noResponders " + noResponders + ", by cause "
            + causes);
      }
      failedByCause = Collections.unmodifiableMap(causes);
    }

    /**
     * The accounting of older callers, which knew only timeouts and no-responders: the other
     * failures are filed as {@link CallResult#ERROR}.
     */
    public RpcLoss(long calls, long succeeded, long failed, long timedOut, long noResponders) {
      this(calls, succeeded, failed, timedOut, noResponders,
          Map.of(CallResult.TIMEOUT, timedOut, CallResult.NO_RESPONDERS, noResponders,
              CallResult.ERROR, failed - timedOut - noResponders));
    }

    /** The accounting of calls counted per result; a result missing from {@code byResult} counts 0. */
    public static RpcLoss of(Map<CallResult, Long> byResult) {
      EnumMap<CallResult, Long> causes = new EnumMap<>(CallResult.class);
      long calls = 0;
      for (CallResult r : CallResult.values()) {
        long n = byResult.getOrDefault(r, 0L);
        calls += n;
        if (r.isFailure()) {
          causes.put(r, n);
        }
      }
      long ok = byResult.getOrDefault(CallResult.OK, 0L);
      return new RpcLoss(calls, ok, calls - ok, byResult.getOrDefault(CallResult.TIMEOUT, 0L),
          byResult.getOrDefault(CallResult.NO_RESPONDERS, 0L), causes);
    }

    /** The failed calls of {@code cause} (0 for {@link CallResult#OK}). */
    public long failed(CallResult cause) {
      return failedByCause.getOrDefault(cause, 0L);
    }
  }

  /**
   * Broker messages of the window, from sequence numbers; see {@link DeliveryLedger}.
   *
   * @param sent messages sent in the window, times the delivery targets expecting them
   * @param lost of those, never received
   * @param duplicated extra copies received in the window
   * @param reordered messages received in the window after a higher sequence number
   * @param rejected publishes that threw (never sent) in the window
   */
  public record BrokerLoss(long sent, long lost, long duplicated, long reordered, long rejected) {
    /** Nothing. */
    public static final BrokerLoss NONE = new BrokerLoss(0, 0, 0, 0, 0);
  }

  /**
   * Registry lookups of the window; see {@link RegistryAudit}.
   *
   * @param lookups lookups made
   * @param liveMissing live instances missing from a lookup, summed over lookups
   * @param deadReturned dead instances still returned by a lookup, summed over lookups
   * @param staleEntries instances that died in the window and were returned afterwards
   * @param maxStaleMillis longest time a dead instance was still returned
   * @param stillStale instances that died in the window and were still returned at the end
   */
  public record RegistryLoss(long lookups, long liveMissing, long deadReturned, long staleEntries,
      long maxStaleMillis, long stillStale) {
    /** Nothing. */
    public static final RegistryLoss NONE = new RegistryLoss(0, 0, 0, 0, 0, 0);
  }

  /** A multi-line description of the timeline and the accounting, for terminals and logs. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(name).append(" (").append(kind).append(' ').append(target).append(") at +")
        .append(injectedAtMillis).append(" ms").append(phase.isEmpty() ? "" : " of " + phase).append('\n');
    mark(sb, "reverted", revertedAfterMillis);
    mark(sb, "first disconnect", disconnectedAfterMillis);
    mark(sb, "reconnected", reconnectedAfterMillis);
    mark(sb, "resubscribed", resubscribedAfterMillis);
    mark(sb, "first error", firstErrorAfterMillis);
    mark(sb, "first success", firstSuccessAfterMillis);
    mark(sb, "back to baseline", recoveredAfterMillis);
    if (recoveredAfterMillis == null && recoveredUndecided != null) {
      sb.append("    (undecided: ").append(recoveredUndecided).append(")\n");
    }
    sb.append("  rpc: ").append(rpc.failed()).append(" failed");
    if (!rpc.failedByCause().isEmpty()) {
      StringJoiner causes = new StringJoiner(", ", " (", ")");
      rpc.failedByCause().forEach((cause, n) -> causes.add(n + " " + cause.key()));
      sb.append(causes);
    }
    sb.append(" of ").append(rpc.calls()).append(" sent in the window\n");
    sb.append("  broker: ").append(broker.lost()).append(" lost, ").append(broker.duplicated())
        .append(" duplicated, ").append(broker.reordered()).append(" reordered of ").append(broker.sent())
        .append('\n');
    if (registry.lookups() > 0) {
      sb.append("  registry: ").append(registry.liveMissing()).append(" live missing, ")
          .append(registry.deadReturned()).append(" dead returned in ").append(registry.lookups())
          .append(" lookups; ").append(registry.staleEntries()).append(" stale entries, up to ")
          .append(registry.maxStaleMillis()).append(" ms, ").append(registry.stillStale())
          .append(" still stale at the end\n");
    }
    return sb.toString();
  }

  private static void mark(StringBuilder sb, String what, @Nullable Long after) {
    sb.append("  ").append(what).append(": ").append(after == null ? "-" : "+" + after + " ms").append('\n');
  }
}
