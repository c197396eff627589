package io.micronats.simulator.fault;

import io.micronats.nats.connection.ConnectionEvent;
import io.micronats.nats.connection.ConnectionEventListener;
import io.micronats.simulator.scenario.FaultSpec;
import io.micronats.simulator.workload.SeriesObserver;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Records, for every fault of a run, the timeline from injection to recovery and the loss in its
 * window: fault injected, first client disconnected, every disconnected client reconnected and
 * resubscribed, first error, first success after the disruption, and error rate and p99 back to
 * baseline; RPC calls by result (filed by their actual send time), and (through a
 * {@link DeliveryLedger} and a {@link RegistryAudit}) broker and registry loss.
 *
 * <p>A fault's window runs from its injection to the next fault's injection (or the end of the
 * run, or the end of its phase), so every observation belongs to at most one fault and nothing
 * is counted twice. "Back to baseline" is decided by a {@link RecoveryRule} from every operation
 * of each series (usually a phase) in 250 ms buckets by intended time ({@link #completed},
 * {@link #call(String, long, long, CallResult)}), against the series' measured buckets before the
 * fault and outside every fault window; when it cannot be decided the report says why. Series fed
 * only with sampling intervals ({@link #interval}) fall back to {@link IntervalRecovery}.
 *
 * <p>Feeding it: the injector calls {@link #injected}, {@link #step} and {@link #reverted};
 * register it as a {@link ConnectionEventListener} on every connection of the run (or call
 * {@link #connectionEvent}); workloads call {@link #call} per RPC, {@link #success} and
 * {@link #failure} for other operations, and {@link #interval} once per sampling interval and
 * series. All times are {@link System#nanoTime()} values.
 *
 * <p>Thread-safe: every method takes the timeline's one lock briefly and calls nothing foreign
 * while holding it. As a listener it never blocks.
 */
public final class FaultTimeline implements ConnectionEventListener, SeriesObserver {
  private final long originNanos;
  private final int holdIntervals;
  private final Object lock = new Object();
  private final List<Window> windows = new ArrayList<>();
  /** Per series, the intervals outside every fault window (the baseline), in time order. */
  private final Map<String, List<double[]>> baseline = new LinkedHashMap<>();
  private final EnumMap<CallResult, Long> baselineCalls = new EnumMap<>(CallResult.class);
  /** Per series, every operation in 250 ms buckets; when a window has them, recovery uses them. */
  private final Map<String, FineSeries> fine = new LinkedHashMap<>();
  private final RecoveryRule rule;
  private final IntervalRecovery intervalRule;

  /** One fault's window and marks; guarded by the timeline's lock. */
  private static final class Window {
    final FaultSpec spec;
    final long injected;
    final long origin;
    long end = Long.MAX_VALUE;
    @Nullable Long reverted;
    @Nullable Long firstDisconnect;
    @Nullable Long reconnected;
    @Nullable Long resubscribed;
    @Nullable Long firstError;
    @Nullable Long firstSuccessAfterDisruption;
    @Nullable Long firstSuccessAfterInjection;
    long disconnects;
    long reconnects;
    final IdentityHashMap<Object, Boolean> awaitingReconnect = new IdentityHashMap<>();
    final IdentityHashMap<Object, Boolean> awaitingResubscribe = new IdentityHashMap<>();
    final List<String> steps = new ArrayList<>();
    /** RPC calls sent in the window, per {@link CallResult}. */
    final EnumMap<CallResult, Long> byResult = new EnumMap<>(CallResult.class);
    // per series: intervals {start, end, successes, errors, p99}
    final Map<String, List<double[]>> intervals = new LinkedHashMap<>();

    Window(FaultSpec spec, long injected, long origin) {
      this.spec = spec;
      this.injected = injected;
      this.origin = origin;
    }

    long disruptionStart() {
      long start = Long.MAX_VALUE;
      if (firstDisconnect != null) {
        start = firstDisconnect;
      }
      if (firstError != null) {
        start = Math.min(start, firstError);
      }
      return start;
    }
  }

  /**
   * A timeline with default recovery criteria: error rate within 1 percentage point of the
   * baseline and p99 within 50% of its mean (or below its highest), for 3 consecutive intervals.
   *
   * @param originNanos the run's measured start; reports give injection times relative to it
   */
  public FaultTimeline(long originNanos) {
    this(originNanos, 0.01, 0.5, 3);
  }

  /**
   * A timeline with explicit recovery criteria.
   *
   * @param errorRateTolerance how far above the baseline error rate (absolute, 0.01 = 1 point)
   *     an interval may be and still count as recovered
   * @param p99Tolerance how far above the baseline p99 (relative, 0.5 = 50%) it may be
   * @param holdIntervals how many consecutive intervals must be recovered
   */
  public FaultTimeline(long originNanos, double errorRateTolerance, double p99Tolerance, int holdIntervals) {
    if (errorRateTolerance < 0 || p99Tolerance < 0 || holdIntervals < 1) {
      throw new IllegalArgumentException("tolerances must be >= 0 and holdIntervals >= 1");
    }
    this.originNanos = originNanos;
    this.holdIntervals = holdIntervals;
    this.rule = new RecoveryRule(errorRateTolerance, p99Tolerance, STABLE_SPAN_NANOS);
    this.intervalRule = new IntervalRecovery(errorRateTolerance, p99Tolerance, holdIntervals);
  }

  /** How long fine buckets must stay at baseline to count as recovered. */
  static final long STABLE_SPAN_NANOS = 1_000_000_000L;

  /** The run's measured start this timeline is relative to. */
  public long originNanos() {
    return originNanos;
  }

  // ---- the injector ----

  /**
   * Opens the window of a fault injected at {@code nanos}, closing the previous one.
   *
   * @return the fault's number, for {@link #step} and {@link #reverted}
   */
  public int injected(FaultSpec spec, long nanos) {
    return injected(spec, nanos, originNanos);
  }

  /**
   * Opens the window of a fault injected at {@code nanos}, whose injection time is reported
   * relative to {@code originNanos} (for example the measured start of its phase).
   *
   * @return the fault's number, for {@link #step} and {@link #reverted}
   */
  public int injected(FaultSpec spec, long nanos, long originNanos) {
    Objects.requireNonNull(spec, "spec");
    synchronized (lock) {
      closeWindow(nanos);
      windows.add(new Window(spec, nanos, originNanos));
      return windows.size() - 1;
    }
  }

  /** Ends the open window at {@code nanos} (for example at the end of its phase); no effect if none. */
  public void closeWindow(long nanos) {
    synchronized (lock) {
      if (!windows.isEmpty()) {
        Window last = windows.get(windows.size() - 1);
        last.end = Math.max(last.injected, Math.min(last.end, nanos));
      }
    }
  }

  /** Notes a step of fault {@code fault}, for example a node restarted during a rolling restart. */
  public void step(int fault, long nanos, String what) {
    synchronized (lock) {
      Window w = windows.get(fault);
      w.steps.add("+" + (nanos - w.injected) / 1_000_000 + " " + what);
    }
  }

  /** Notes that fault {@code fault} was reverted (resumed, restarted, healed) at {@code nanos}. */
  public void reverted(int fault, long nanos) {
    synchronized (lock) {
      Window w = windows.get(fault);
      if (w.reverted == null) {
        w.reverted = nanos;
      }
      w.steps.add("+" + (nanos - w.injected) / 1_000_000 + " reverted");
    }
  }

  // ---- observations ----

  @Override
  public void onEvent(ConnectionEvent event) {
    connectionEvent(event.connection(), event.type(), System.nanoTime());
  }

  /** Accounts for a connection event of connection {@code connection} (compared by identity). */
  public void connectionEvent(Object connection, ConnectionEvent.Type type, long nanos) {
    synchronized (lock) {
      Window w = windowAt(nanos);
      if (w == null) {
        return;
      }
      switch (type) {
        case DISCONNECTED -> {
          w.disconnects++;
          if (w.firstDisconnect == null) {
            w.firstDisconnect = nanos;
          }
          w.awaitingReconnect.put(connection, Boolean.TRUE);
          w.awaitingResubscribe.put(connection, Boolean.TRUE);
        }
        case RECONNECTED -> {
          w.reconnects++;
          if (w.awaitingReconnect.remove(connection) != null && w.awaitingReconnect.isEmpty()) {
            w.reconnected = nanos;
          }
        }
        case RESUBSCRIBED -> {
          if (w.awaitingResubscribe.remove(connection) != null && w.awaitingResubscribe.isEmpty()) {
            w.resubscribed = nanos;
          }
        }
        default -> {
          // other events do not mark the timeline
        }
      }
    }
  }

  /**
   * Accounts for one RPC call intended and sent at {@code intendedNanos} that ended at
   * {@code doneNanos}; see {@link #call(long, long, long, CallResult)}.
   */
  public void call(long intendedNanos, long doneNanos, CallResult result) {
    call(intendedNanos, intendedNanos, doneNanos, result);
  }

  /**
   * Accounts for one RPC call intended at {@code intendedNanos}, actually sent at
   * {@code sentNanos} and ended at {@code doneNanos}. The call is filed in the window of its
   * <em>actual</em> send time: a loaded generator sends late, and a call intended just before a
   * fault but sent after it met the fault. Every result other than {@link CallResult#OK} counts
   * as failed, by cause.
   */
  public void call(long intendedNanos, long sentNanos, long doneNanos, CallResult result) {
    Objects.requireNonNull(result, "result");
    synchronized (lock) {
      Window bySend = windowAt(sentNanos);
      if (bySend == null && (windows.isEmpty() || sentNanos < windows.get(0).injected)) {
        baselineCalls.merge(result, 1L, Long::sum);
      }
      if (bySend != null) {
        bySend.byResult.merge(result, 1L, Long::sum);
      }
    }
    if (result == CallResult.OK) {
      success(doneNanos);
    } else {
      failure(doneNanos);
    }
  }

  /** Notes a successful operation (a reply, a delivered message) completed at {@code nanos}. */
  public void success(long nanos) {
    synchronized (lock) {
      Window w = windowAt(nanos);
      if (w == null) {
        return;
      }
      if (w.firstSuccessAfterInjection == null) {
        w.firstSuccessAfterInjection = nanos;
      }
      long disruption = w.disruptionStart();
      if (w.firstSuccessAfterDisruption == null && disruption != Long.MAX_VALUE && nanos >= disruption) {
        w.firstSuccessAfterDisruption = nanos;
      }
    }
  }

  /** Notes a failed operation observed at {@code nanos}. */
  public void failure(long nanos) {
    synchronized (lock) {
      Window w = windowAt(nanos);
      if (w != null && w.firstError == null) {
        w.firstError = nanos;
      }
    }
  }

  /**
   * Declares that series {@code series} (a phase) measures from {@code measuredFromNanos}: its
   * operations before that (the warm-up) do not count in baselines.
   */
  @Override
  public void seriesStarts(String series, long measuredFromNanos) {
    synchronized (lock) {
      fine.computeIfAbsent(series, k -> new FineSeries(originNanos)).measuredFrom(measuredFromNanos);
    }
  }

  /**
   * Accounts for one operation of series {@code series} intended at {@code intendedNanos} that
   * ended at {@code doneNanos}: as {@link #success}/{@link #failure}, and in the series' 250 ms
   * buckets from which "back to baseline" is decided.
   */
  @Override
  public void completed(String series, long intendedNanos, long doneNanos, boolean ok) {
    completed(series, intendedNanos, doneNanos, ok, true);
  }

  /**
   * As {@link #completed(String, long, long, boolean)}; without {@code endToEnd} (a publish that
   * only reached the local server) a success fills the buckets but does not mark "first success".
   */
  public void completed(String series, long intendedNanos, long doneNanos, boolean ok, boolean endToEnd) {
    synchronized (lock) {
      fine.computeIfAbsent(series, k -> new FineSeries(originNanos)).add(intendedNanos, doneNanos - intendedNanos, ok);
    }
    if (!ok) {
      failure(doneNanos);
    } else if (endToEnd) {
      success(doneNanos);
    }
  }

  /** As {@link #call(long, long, CallResult)}, also in the 250 ms buckets of {@code series}. */
  public void call(String series, long intendedNanos, long doneNanos, CallResult result) {
    call(series, intendedNanos, intendedNanos, doneNanos, result);
  }

  /**
   * As {@link #call(long, long, long, CallResult)} (filed by actual send time), and in the 250 ms
   * buckets of {@code series} by intended time, with the latency from the intended time.
   */
  public void call(String series, long intendedNanos, long sentNanos, long doneNanos, CallResult result) {
    synchronized (lock) {
      fine.computeIfAbsent(series, k -> new FineSeries(originNanos))
          .add(intendedNanos, doneNanos - intendedNanos, result == CallResult.OK);
    }
    call(intendedNanos, sentNanos, doneNanos, result);
  }

  /**
   * Accounts for one sampling interval of series {@code series} (for example {@code rpc} or
   * {@code broker}): operations that succeeded and failed in [startNanos, endNanos), and the
   * interval's p99 in microseconds (0 when nothing completed).
   */
  public void interval(String series, long startNanos, long endNanos, long successes, long errors,
      double p99Micros) {
    double[] point = {startNanos, endNanos, successes, errors, p99Micros};
    synchronized (lock) {
      Window w = windowAt(startNanos);
      if (w == null) {
        baseline.computeIfAbsent(series, s -> new ArrayList<>()).add(point);
        return;
      }
      w.intervals.computeIfAbsent(series, s -> new ArrayList<>()).add(point);
    }
  }

  // ---- results ----

  /** The RPC calls sent before the first fault, the baseline, by cause. */
  public FaultReport.RpcLoss baselineRpc() {
    synchronized (lock) {
      return FaultReport.RpcLoss.of(new EnumMap<>(baselineCalls));
    }
  }

  /** The number of faults injected so far. */
  public int faults() {
    synchronized (lock) {
      return windows.size();
    }
  }

  /**
   * The report of every fault so far, with broker and registry accounting when given.
   *
   * @param endNanos the end of the run, closing the last window
   */
  public List<FaultReport> reports(long endNanos, @Nullable DeliveryLedger ledger,
      @Nullable RegistryAudit audit) {
    List<Window> copy;
    synchronized (lock) {
      copy = List.copyOf(windows);
    }
    List<FaultReport> out = new ArrayList<>();
    for (Window w : copy) {
      long end;
      FaultReport r;
      synchronized (lock) {
        end = Math.min(w.end, endNanos);
        r = report(w, end, FaultReport.BrokerLoss.NONE, FaultReport.RegistryLoss.NONE);
      }
      FaultReport.BrokerLoss broker = ledger == null ? FaultReport.BrokerLoss.NONE : ledger.between(w.injected, end);
      FaultReport.RegistryLoss registry = audit == null ? FaultReport.RegistryLoss.NONE : audit.between(w.injected, end);
      out.add(new FaultReport(r.name(), r.kind(), r.target(), r.phase(), r.injectedAtMillis(), r.windowMillis(),
          r.revertedAfterMillis(), r.disconnectedAfterMillis(), r.reconnectedAfterMillis(),
          r.resubscribedAfterMillis(), r.firstErrorAfterMillis(), r.firstSuccessAfterMillis(),
          r.recoveredAfterMillis(), r.disconnects(), r.reconnects(), r.steps(), r.rpc(), broker, registry,
          r.recoveredUndecided()));
    }
    return out;
  }

  private FaultReport report(Window w, long end, FaultReport.BrokerLoss broker,
      FaultReport.RegistryLoss registry) {
    long disruption = w.disruptionStart();
    Long firstSuccess = disruption == Long.MAX_VALUE ? w.firstSuccessAfterInjection
        : w.firstSuccessAfterDisruption;
    RecoveryRule.Decision decision = fineDecision(w, disruption, end);
    Long recovered;
    String undecided = null;
    if (decision == null) {
      recovered = intervalRule.recovered(w.intervals, baseline, w.injected,
          disruption == Long.MAX_VALUE ? w.injected : disruption);
      if (recovered == null) {
        undecided = "not back to baseline in " + holdIntervals + " consecutive sampling intervals within the window";
      }
    } else {
      recovered = decision.recoveredAtNanos();
      undecided = decision.undecided();
    }
    if (recovered != null && firstSuccess != null && firstSuccess > recovered) {
      recovered = firstSuccess; // buckets go by intended time: never "back" before the first success
    }
    return new FaultReport(w.spec.name(), w.spec.kind().scenarioName(), w.spec.target().describe(),
        w.spec.phase(), (w.injected - w.origin) / 1_000_000, (end - w.injected) / 1_000_000,
        after(w, w.reverted), after(w, w.firstDisconnect), after(w, w.reconnected), after(w, w.resubscribed),
        after(w, w.firstError), after(w, firstSuccess), after(w, recovered),
        w.disconnects, w.reconnects, w.steps,
        FaultReport.RpcLoss.of(new EnumMap<>(w.byResult)),
        broker, registry, undecided);
  }

  /**
   * The decision from the fine buckets of every series with operations in the window (the
   * latest recovery of them; undecided when any is), or null when no series has any there.
   */
  private RecoveryRule.@Nullable Decision fineDecision(Window w, long disruption, long end) {
    // never before the last disconnected client was back: a spread-out fault (lame duck evictions,
    // a rolling restart) is over when its last disruption is
    long from = disruption == Long.MAX_VALUE ? w.injected : Math.max(w.injected, disruption);
    if (w.reconnected != null) {
      from = Math.max(from, w.reconnected);
    }
    if (w.resubscribed != null) {
      from = Math.max(from, w.resubscribed);
    }
    Long latest = null;
    boolean any = false;
    for (Map.Entry<String, FineSeries> e : fine.entrySet()) {
      FineSeries series = e.getValue();
      // whole buckets only: a phase starting just after this one's end shares its last bucket
      if (series.between(w.injected, end).stream().noneMatch(p -> p.total() > 0)) {
        continue;
      }
      any = true;
      long[] extent = series.extent();
      long firstData = extent == null ? w.injected : series.origin() + extent[0] * FineSeries.BUCKET_NANOS;
      long baseFrom = Math.max(series.measuredFrom(), firstData);
      List<FineSeries.Point> base = new ArrayList<>();
      for (FineSeries.Point p : series.between(baseFrom, w.injected)) {
        if (outsideEveryWindow(p.start(), p.end())) {
          base.add(p);
        }
      }
      RecoveryRule.Decision d = rule.decide(base, series.between(from, end), from, end);
      if (d.recoveredAtNanos() == null) {
        // A decision without a time always carries its reason; the fallback only satisfies the type.
        String why = Objects.requireNonNullElse(d.undecided(), "not recovered");
        return RecoveryRule.Decision.undecided(fine.size() > 1 ? e.getKey() + ": " + why : why);
      }
      latest = latest == null ? d.recoveredAtNanos() : Math.max(latest, d.recoveredAtNanos());
    }
    return any && latest != null ? RecoveryRule.Decision.at(latest) : null;
  }

  private boolean outsideEveryWindow(long start, long end) {
    for (Window w : windows) {
      if (start < w.end && end > w.injected) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable Long after(Window w, @Nullable Long nanos) {
    return nanos == null ? null : Math.max(0, (nanos - w.injected) / 1_000_000);
  }

  private @Nullable Window windowAt(long nanos) {
    for (int i = windows.size() - 1; i >= 0; i--) {
      Window w = windows.get(i);
      if (nanos >= w.injected) {
        return nanos < w.end ? w : null;
      }
    }
    return null;
  }
}
