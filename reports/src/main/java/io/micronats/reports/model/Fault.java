package io.micronats.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One injected fault of a run: what it was, when it was injected, its recovery timeline (each mark
 * in milliseconds after the injection, absent when it did not happen inside the fault's window) and
 * what was lost in its window, which runs from the injection to the next fault's injection or the
 * end of the run. The fields are those of the simulator's {@code FaultReport}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the fault's name, as in the scenario
 * @param kind the fault's kind, as in scenarios ({@code kill}, {@code pause}, {@code lame-duck}, ...)
 * @param target what it was aimed at, described
 * @param phase the phase it was timed in; {@code null} (absent in JSON) when timed against the run
 * @param injectedAtMillis when it was injected, milliseconds after the measured start of its phase
 *     (the time axis of the phase's {@code timeSeries}), or of the run
 * @param windowMillis the length of the fault's window
 * @param revertedAfterMillis when it was reverted (resume, restart, heal)
 * @param disconnectedAfterMillis the first client disconnection
 * @param reconnectedAfterMillis when the last disconnected client had reconnected
 * @param resubscribedAfterMillis when the last disconnected client had resubscribed
 * @param firstErrorAfterMillis the first failed operation
 * @param firstSuccessAfterMillis the first successful operation after the disruption began
 * @param recoveredAfterMillis when error rate and p99 were back to baseline
 * @param disconnects client disconnections in the window
 * @param reconnects client reconnections in the window
 * @param steps what the injector did, in order, each as {@code +<ms> <what>}
 * @param rpc RPC calls in the window (by actual send time)
 * @param broker broker messages in the window (loss by send time)
 * @param registry registry lookups in the window
 * @param recoveredUndecided why {@code recoveredAfterMillis} is absent, with the figures that decided it
 *     (for example {@code "window too short: 1200 ms left before the next fault or the end of the
 *     phase"}); {@code null} (absent in JSON) when the mark is present or no reason was recorded.
 *     Optional and additive in schema version 1: files written before it read as {@code null}.
 */
public record Fault(String name, String kind, String target, @Nullable String phase, long injectedAtMillis,
    long windowMillis, @Nullable Long revertedAfterMillis, @Nullable Long disconnectedAfterMillis,
    @Nullable Long reconnectedAfterMillis, @Nullable Long resubscribedAfterMillis,
    @Nullable Long firstErrorAfterMillis, @Nullable Long firstSuccessAfterMillis,
    @Nullable Long recoveredAfterMillis, long disconnects, long reconnects, List<String> steps,
    Rpc rpc, Broker broker, Registry registry, @Nullable String recoveredUndecided) {

  /** A fault without a reason for an absent {@code recoveredAfterMillis} (the form before that field). */
  public Fault(String name, String kind, String target, @Nullable String phase, long injectedAtMillis,
      long windowMillis, @Nullable Long revertedAfterMillis, @Nullable Long disconnectedAfterMillis,
      @Nullable Long reconnectedAfterMillis, @Nullable Long resubscribedAfterMillis,
      @Nullable Long firstErrorAfterMillis, @Nullable Long firstSuccessAfterMillis,
      @Nullable Long recoveredAfterMillis, long disconnects, long reconnects, List<String> steps,
      Rpc rpc, Broker broker, Registry registry) {
    this(name, kind, target, phase, injectedAtMillis, windowMillis, revertedAfterMillis, disconnectedAfterMillis,
        reconnectedAfterMillis, resubscribedAfterMillis, firstErrorAfterMillis, firstSuccessAfterMillis,
        recoveredAfterMillis, disconnects, reconnects, steps, rpc, broker, registry, null);
  }

  /**
   * Validates and copies; an empty {@code phase} means the run, absent accounting objects mean
   * nothing counted, a blank {@code recoveredUndecided} means no reason.
   *
   * @throws IllegalArgumentException when a text is blank or a number is negative
   */
  public Fault {
    Copies.text(name, "fault.name");
    Copies.text(kind, "fault.kind");
    Objects.requireNonNull(target, "fault.target");
    phase = phase == null || phase.isBlank() ? null : phase;
    Copies.nonNegative(injectedAtMillis, "fault.injectedAtMillis");
    Copies.nonNegative(windowMillis, "fault.windowMillis");
    mark(revertedAfterMillis, "revertedAfterMillis");
    mark(disconnectedAfterMillis, "disconnectedAfterMillis");
    mark(reconnectedAfterMillis, "reconnectedAfterMillis");
    mark(resubscribedAfterMillis, "resubscribedAfterMillis");
    mark(firstErrorAfterMillis, "firstErrorAfterMillis");
    mark(firstSuccessAfterMillis, "firstSuccessAfterMillis");
    mark(recoveredAfterMillis, "recoveredAfterMillis");
    Copies.nonNegative(disconnects, "fault.disconnects");
    Copies.nonNegative(reconnects, "fault.reconnects");
    steps = Copies.list(steps, "fault.steps");
    rpc = rpc == null ? Rpc.NONE : rpc;
    broker = broker == null ? Broker.NONE : broker;
    registry = registry == null ? Registry.NONE : registry;
    recoveredUndecided = recoveredUndecided == null || recoveredUndecided.isBlank() ? null : recoveredUndecided;
  }

  /** This fault with {@code reason} for its absent recovery mark. */
  public Fault withRecoveredUndecided(@Nullable String reason) {
    return new Fault(name, kind, target, phase, injectedAtMillis, windowMillis, revertedAfterMillis,
        disconnectedAfterMillis, reconnectedAfterMillis, resubscribedAfterMillis, firstErrorAfterMillis,
        firstSuccessAfterMillis, recoveredAfterMillis, disconnects, reconnects, steps, rpc, broker, registry, reason);
  }

  /** This fault with {@code rpc} as its RPC accounting. */
  public Fault withRpc(Rpc rpc) {
    return new Fault(name, kind, target, phase, injectedAtMillis, windowMillis, revertedAfterMillis,
        disconnectedAfterMillis, reconnectedAfterMillis, resubscribedAfterMillis, firstErrorAfterMillis,
        firstSuccessAfterMillis, recoveredAfterMillis, disconnects, reconnects, steps, rpc, broker, registry,
        recoveredUndecided);
  }

  private static void mark(@Nullable Long value, String name) {
    if (value != null) {
      Copies.nonNegative(value, "fault." + name);
    }
  }

  /** Whether this fault was timed in the phase named {@code phaseName}. */
  public boolean inPhase(String phaseName) {
    return phaseName.equals(phase);
  }

  /**
   * RPC calls whose intended send time fell in the window. Immutable and thread-safe.
   *
   * @param calls every call
   * @param succeeded calls answered in time
   * @param failed calls that did not succeed (timed out, no responders, other errors)
   * @param timedOut of the failed, those that timed out
   * @param noResponders of the failed, those that met no responder
   * @param causes further failure counts by cause, as the simulator classifies them
   *     ({@code serviceNotFound}, {@code notConnected}, {@code remoteErrors}, {@code errors}, ...), in
   *     the writer's order; optional (absent in JSON when empty), additive in schema version 1
   */
  public record Rpc(long calls, long succeeded, long failed, long timedOut, long noResponders,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> causes) {
    /** Nothing counted. */
    public static final Rpc NONE = new Rpc(0, 0, 0, 0, 0);

    /** Counts without a breakdown by further causes. */
    public Rpc(long calls, long succeeded, long failed, long timedOut, long noResponders) {
      this(calls, succeeded, failed, timedOut, noResponders, Map.of());
    }

    /** Validates: no count is negative, no cause is blank; copies the causes in order. */
    public Rpc {
      Copies.nonNegative(calls, "fault.rpc.calls");
      Copies.nonNegative(succeeded, "fault.rpc.succeeded");
      Copies.nonNegative(failed, "fault.rpc.failed");
      Copies.nonNegative(timedOut, "fault.rpc.timedOut");
      Copies.nonNegative(noResponders, "fault.rpc.noResponders");
      causes = Copies.map(causes, "fault.rpc.causes");
      for (Map.Entry<String, Long> e : causes.entrySet()) {
        Copies.text(e.getKey(), "fault.rpc.causes key");
        Copies.nonNegative(e.getValue(), "fault.rpc.causes." + e.getKey());
      }
    }

    /** These counts with {@code more} causes added; a cause already present keeps its count. */
    public Rpc withCauses(Map<String, Long> more) {
      Map<String, Long> merged = new java.util.LinkedHashMap<>(causes);
      more.forEach(merged::putIfAbsent);
      return new Rpc(calls, succeeded, failed, timedOut, noResponders, merged);
    }
  }

  /**
   * Broker messages of the window, from sequence numbers. Immutable and thread-safe.
   *
   * @param sent messages sent in the window, times the delivery targets expecting them
   * @param lost of those, never received
   * @param duplicated extra copies received in the window
   * @param reordered messages received in the window after a higher sequence number
   * @param rejected publishes that threw (never sent) in the window
   */
  public record Broker(long sent, long lost, long duplicated, long reordered, long rejected) {
    /** Nothing counted. */
    public static final Broker NONE = new Broker(0, 0, 0, 0, 0);

    /** Validates: no count is negative. */
    public Broker {
      Copies.nonNegative(sent, "fault.broker.sent");
      Copies.nonNegative(lost, "fault.broker.lost");
      Copies.nonNegative(duplicated, "fault.broker.duplicated");
      Copies.nonNegative(reordered, "fault.broker.reordered");
      Copies.nonNegative(rejected, "fault.broker.rejected");
    }
  }

  /**
   * Registry lookups of the window. Immutable and thread-safe.
   *
   * @param lookups lookups made
   * @param liveMissing live instances missing from a lookup, summed over lookups
   * @param deadReturned dead instances still returned by a lookup, summed over lookups
   * @param staleEntries instances that died in the window and were returned afterwards
   * @param maxStaleMillis longest time a dead instance was still returned
   * @param stillStale instances that died in the window and were still returned at the end
   */
  public record Registry(long lookups, long liveMissing, long deadReturned, long staleEntries,
      long maxStaleMillis, long stillStale) {
    /** Nothing counted. */
    public static final Registry NONE = new Registry(0, 0, 0, 0, 0, 0);

    /** Validates: no count is negative. */
    public Registry {
      Copies.nonNegative(lookups, "fault.registry.lookups");
      Copies.nonNegative(liveMissing, "fault.registry.liveMissing");
      Copies.nonNegative(deadReturned, "fault.registry.deadReturned");
      Copies.nonNegative(staleEntries, "fault.registry.staleEntries");
      Copies.nonNegative(maxStaleMillis, "fault.registry.maxStaleMillis");
      Copies.nonNegative(stillStale, "fault.registry.stillStale");
    }
  }
}
