package io.micronats.simulator.workload;

import io.micronats.simulator.console.Console;
import io.micronats.simulator.load.OpenLoopPacer;
import io.micronats.simulator.load.PacerStats;
import io.micronats.simulator.measure.CpuMeter;
import io.micronats.simulator.measure.PhaseMeasurement;
import io.micronats.simulator.measure.PhaseMeter;
import io.micronats.simulator.measure.ServerMonitor;
import io.micronats.simulator.measure.ServerSnapshot;
import io.micronats.simulator.measure.TimePoint;
import io.micronats.simulator.scenario.Durations;
import io.micronats.simulator.scenario.Phases;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.HistogramLogWriter;
import org.jspecify.annotations.Nullable;

/**
 * Runs one phase: warm-up, measured window and cool-down around a {@link Load}, with a reporter
 * thread that samples the meter once a second (time series, histogram log, progress line),
 * and with the simulator's CPU use and the servers' {@code /varz} numbers taken before and after.
 *
 * <p>Used by one control thread at a time; owns its reporter thread for the duration of
 * {@link #run}.
 */
public final class PhaseRunner {
  private static final long SAMPLE_NANOS = 1_000_000_000L;
  private final Console console;
  private final @Nullable Path histogramDir;
  private final ServerMonitor monitor;
  private volatile @Nullable Listener listener;

  /**
   * Hears of each phase: its measured start, every sampling interval and its end (for fault
   * injection). Phase calls come from the control thread, samples from the reporter thread; a
   * listener must not block for long and must not throw.
   */
  public interface Listener {
    /** The phase's load is about to start; the measured window starts at {@code windowStartNanos}. */
    void phaseStarted(String name, String workload, long windowStartNanos, PhaseMeter meter);

    /** One sampling interval [startNanos, endNanos) of the phase ended with {@code point}. */
    void sampled(String name, long startNanos, long endNanos, TimePoint point);

    /** The phase's load has ended (also when it failed). */
    void phaseEnded(String name, long nanos);
  }

  /**
   * Decides when a phase's load starts. The default starts 5 ms from now; a distributed agent
   * waits here for the coordinator's go, so that every agent's windows line up. Called on the
   * control thread; may block.
   */
  @FunctionalInterface
  public interface StartGate {
    /** The immediate start: 5 ms from now. */
    StartGate NOW = (name, workload) -> System.nanoTime() + 5_000_000L;

    /** Blocks until phase {@code name} may start; returns its start in {@link System#nanoTime()} units. */
    long awaitStart(String name, String workload) throws Exception;
  }

  private volatile StartGate startGate = StartGate.NOW;

  /** Sets the start gate ({@link StartGate#NOW} by default). */
  public void startGate(StartGate gate) {
    startGate = java.util.Objects.requireNonNull(gate, "gate");
  }

  /** Sets (or with null removes) the phase listener. */
  public void listener(@Nullable Listener newListener) {
    listener = newListener;
  }

  /** A runner printing to {@code console}, writing logs under {@code histogramDir} (null: none). */
  public PhaseRunner(Console console, @Nullable Path histogramDir, ServerMonitor monitor) {
    this.console = console;
    this.histogramDir = histogramDir;
    this.monitor = monitor;
  }

  /** The console. */
  public Console console() {
    return console;
  }

  /** Runs a phase and returns what it measured, with CPU and server numbers added. */
  public PhaseRecord run(String name, String workload, boolean closed, double targetRate, int concurrency, Phases phases,
      String primary, Load load, Map<String, String> labels) throws Exception {
    console.step(name + " (" + (closed ? "closed loop, " + concurrency + " loops" : "open model, "
        + fmt(targetRate) + "/s") + "; warm-up " + Durations.format(phases.warmup()) + ", measured "
        + Durations.format(phases.measured()) + ")");
    List<ServerSnapshot> serversBefore = monitor.snapshot();
    long start = startGate.awaitStart(name, workload);
    long windowStart = start + phases.warmup().toNanos();
    long windowEnd = windowStart + phases.measured().toNanos();
    HistogramLogWriter log = openLog(name);
    PhaseMeter meter = new PhaseMeter(primary, windowStart, windowEnd, log);
    CpuMeter.Snapshot[] cpuAtWindowStart = new CpuMeter.Snapshot[1];
    Listener phaseListener = listener;
    if (phaseListener != null) {
      phaseListener.phaseStarted(name, workload, windowStart, meter);
    }
    Reporter reporter = new Reporter(name, meter, windowStart, windowEnd, cpuAtWindowStart, phaseListener);
    Thread reporterThread = new Thread(reporter, "sim-reporter");
    reporterThread.setDaemon(true);
    reporterThread.start();
    PacerStats stats;
    try {
      stats = load.run(start, windowEnd, meter);
    } finally {
      if (phaseListener != null) {
        phaseListener.phaseEnded(name, System.nanoTime());
      }
      reporter.stop();
      reporterThread.join(5_000);
      if (log != null) {
        log.close();
      }
    }
    CpuMeter.Snapshot cpuEnd = CpuMeter.snapshot();
    PhaseMeasurement m = meter.finish(System.nanoTime());
    List<ServerSnapshot> serversAfter = monitor.snapshot();
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("generator.scheduled", stats.scheduled());
    counts.put("generator.started", stats.started());
    counts.put("generator.lateStarts", stats.lateStarts());
    counts.put("generator.stillInFlight", stats.stillInFlight());
    Map<String, Double> rates = new LinkedHashMap<>();
    rates.put("achieved", m.throughput());
    if (!closed) {
      rates.put("offered", targetRate);
    }
    CpuMeter.Snapshot cpuStart = cpuAtWindowStart[0];
    if (cpuStart != null) {
      rates.put("simulator.cpuCores", cpuEnd.coresSince(cpuStart));
      rates.put("simulator.cpuShare", cpuEnd.coresSince(cpuStart) / CpuMeter.cores());
    }
    if (!monitor.monitorUrls().isEmpty()) {
      ServerMonitor.delta(serversBefore, serversAfter).forEach((k, v) -> {
        if (k.endsWith("cpuPercent") || k.endsWith("memBytes")) {
          rates.put(k, v);
        } else {
          counts.put(k, Math.round(v));
        }
      });
    }
    Map<String, String> allLabels = new LinkedHashMap<>(labels);
    allLabels.put("mode", closed ? "closed (capacity; latency from actual send)" : "open (latency from intended send time)");
    return PhaseRecord.builder().name(name).workload(workload).closed(closed).targetRate(targetRate)
        .concurrency(concurrency).measurement(m).counts(counts).rates(rates).labels(allLabels).build();
  }

  private @Nullable HistogramLogWriter openLog(String name) throws java.io.IOException {
    if (histogramDir == null) {
      return null;
    }
    Files.createDirectories(histogramDir);
    try {
      HistogramLogWriter w = new HistogramLogWriter(new PrintStream(histogramDir.resolve(name + ".hlog").toFile(), "UTF-8"));
      w.outputComment("micronats simulator phase " + name + "; values in nanoseconds; tag = histogram name");
      w.outputLogFormatVersion();
      w.setBaseTime(System.currentTimeMillis());
      w.outputBaseTime(System.currentTimeMillis());
      w.outputLegend();
      return w;
    } catch (FileNotFoundException e) {
      throw new java.io.IOException("cannot write histogram log in " + histogramDir + ": " + e.getMessage(), e);
    }
  }

  /** A rate for messages: no decimals from 100 up. */
  public static String fmt(double v) {
    return v >= 100 || v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%.0f", v)
        : String.format(java.util.Locale.ROOT, "%.1f", v);
  }

  /** Samples the meter once a second and prints progress. */
  private final class Reporter implements Runnable {
    private final String name;
    private final PhaseMeter meter;
    private final long windowStart;
    private final long windowEnd;
    private final CpuMeter.Snapshot[] cpuAtWindowStart;
    private final @Nullable Listener phaseListener;
    private volatile boolean running = true;

    Reporter(String name, PhaseMeter meter, long windowStart, long windowEnd, CpuMeter.Snapshot[] cpuAtWindowStart,
        @Nullable Listener phaseListener) {
      this.phaseListener = phaseListener;
      this.name = name;
      this.meter = meter;
      this.windowStart = windowStart;
      this.windowEnd = windowEnd;
      this.cpuAtWindowStart = cpuAtWindowStart;
    }

    void stop() {
      running = false;
    }

    @Override
    public void run() {
      try {
        long next = windowStart + SAMPLE_NANOS;
        while (running) {
          OpenLoopPacer.parkUntil(Math.min(next, System.nanoTime() + 50_000_000L));
          long now = System.nanoTime();
          if (now < next) {
            continue;
          }
          if (cpuAtWindowStart[0] == null) {
            cpuAtWindowStart[0] = CpuMeter.snapshot();
          }
          if (now < windowEnd + SAMPLE_NANOS) {
            meter.sample(now);
            TimePoint point = meter.lastPoint();
            if (phaseListener != null && point != null) {
              phaseListener.sampled(name, now - SAMPLE_NANOS, now, point);
            }
            print(now);
          }
          next += SAMPLE_NANOS;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (cpuAtWindowStart[0] == null) {
        cpuAtWindowStart[0] = CpuMeter.snapshot();
      }
    }

    private void print(long now) {
      double elapsed = Math.min(now - windowStart, windowEnd - windowStart) / 1e9;
      double remaining = Math.max(0, windowEnd - now) / 1e9;
      PhaseMeasurementView v = PhaseMeasurementView.of(meter);
      console.progress(String.format(java.util.Locale.ROOT, "%s: measured %.0fs, %.0fs left, rate %s/s, p99 %s, errors %d",
          name, elapsed, remaining, fmt(v.rate()), v.p99(), meter.errors()));
    }
  }

  /** The last time-series point of a meter, for progress lines. */
  private record PhaseMeasurementView(double rate, String p99) {
    static PhaseMeasurementView of(PhaseMeter meter) {
      TimePoint last = meter.lastPoint();
      if (last == null) {
        return new PhaseMeasurementView(0, "-");
      }
      return new PhaseMeasurementView(last.rate(), Micros.format(last.p99Micros()));
    }
  }
}
