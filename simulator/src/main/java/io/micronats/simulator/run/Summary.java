package io.micronats.simulator.run;

import io.micronats.reports.model.Comparison;
import io.micronats.reports.model.LatencyHistogram;
import io.micronats.reports.model.MetricNames;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.RunResult;
import io.micronats.simulator.load.GeneratorLag;
import io.micronats.simulator.measure.Outcome;
import io.micronats.simulator.workload.Micros;
import io.micronats.simulator.workload.PhaseRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The terminal summary of a run: one line per phase (mode, offered and achieved rate, latency
 * percentiles, errors: every error outcome), the broker's sequence accounting, a warning for each
 * phase whose load generator sent late ({@link GeneratorLag}), and the baseline comparisons.
 * Stateless.
 */
public final class Summary {
  private Summary() {}

  /** The summary lines. */
  public static List<String> lines(RunResult run, List<PhaseRecord> records, Duration wall) {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "summary of %s (%s, %d s wall time)", run.scenario().name(),
        run.labels().getOrDefault("implementation", "?"), wall.toSeconds()));
    out.add(String.format(Locale.ROOT, "%-34s %-6s %9s %10s %9s %9s %9s %8s", "phase", "mode", "target/s", "achieved/s",
        "p50", "p99", "p99.9", "errors"));
    List<String> warnings = new ArrayList<>();
    for (Phase p : run.phases()) {
      String lagWarning = GeneratorLag.warning(p.name(), p.labels());
      if (lagWarning != null) {
        warnings.add(lagWarning);
      }
      String key = p.latency().containsKey("rpc") ? "rpc" : p.latency().containsKey("lookup") ? "lookup"
          : p.latency().containsKey("delivery") ? "delivery" : p.latency().containsKey("registerToVisible")
          ? "registerToVisible" : p.latency().keySet().stream().findFirst().orElse("");
      LatencyHistogram h = p.latency().get(key);
      long errors = errors(p);
      Double achieved = p.rates().get("achieved");
      out.add(String.format(Locale.ROOT, "%-34s %-6s %9s %10s %9s %9s %9s %8d", p.name(), p.mode().json(),
          p.targetRate().isPresent() ? String.format(Locale.ROOT, "%.0f", p.targetRate().getAsDouble()) : "-",
          achieved == null ? "-" : String.format(Locale.ROOT, "%.1f", achieved), h == null ? "-" : Micros.format(h.p50()),
          h == null ? "-" : Micros.format(h.p99()), h == null ? "-" : Micros.format(h.p999()), errors));
      if (p.workload().equals("broker") && p.rates().containsKey("delivered")) {
        out.add(String.format(Locale.ROOT, "%34s delivered %.1f/s, lost %d, duplicated %d, reordered %d, slow consumers %d",
            "", p.rates().getOrDefault("delivered", 0.0), p.count("lost"), p.count("duplicated"), p.count("reordered"),
            p.count("server.slowConsumers")));
      }
      if (p.workload().equals("discovery")) {
        double completeness = p.rates().getOrDefault("completeness", 0.0);
        out.add(String.format(Locale.ROOT, "%34s strategy %s, %s services, completeness %.3f (per lookup: versions %.2f of %.0f,"
            + " nodes %.2f of %.0f)%s", "", p.labels().get("strategy"), p.labels().get("services"), completeness,
            p.rates().getOrDefault("versionsReturnedPerLookup", 0.0), p.rates().getOrDefault("versionsExpectedPerLookup", 0.0),
            p.rates().getOrDefault("nodesReturnedPerLookup", 0.0), p.rates().getOrDefault("nodesExpectedPerLookup", 0.0),
            completeness < 1.0 ? "  INCOMPLETE: latency not comparable" : ""));
      }
      if (p.workload().equals("discovery-churn")) {
        LatencyHistogram gone = p.latency().get("deregisterToGone");
        out.add(String.format(Locale.ROOT, "%34s register->visible p50 %s; deregister->gone p50 %s", "",
            h == null ? "-" : Micros.format(h.p50()), gone == null ? "-" : Micros.format(gone.p50())));
      }
    }
    out.addAll(warnings);
    Map<String, String> labels = run.labels();
    if (labels.containsKey(MetricNames.RPC_KNEE)) {
      out.add("rpc knee (highest rate still served): " + labels.get(MetricNames.RPC_KNEE) + " req/s");
    }
    out.add(String.format(Locale.ROOT, "fleet: %s services max, %s connections; simulator idle CPU %s cores, heap %s MiB, %s threads",
        labels.getOrDefault(MetricNames.FLEET_MAX_SERVICES, "?"), labels.getOrDefault(MetricNames.FLEET_CONNECTIONS, "?"),
        labels.getOrDefault(MetricNames.SIMULATOR_IDLE_CPU_CORES, "?"),
        labels.getOrDefault(MetricNames.SIMULATOR_HEAP_USED_MIB, "?"),
        labels.getOrDefault(MetricNames.SIMULATOR_THREADS, "?")));
    if (!run.comparisons().isEmpty()) {
      out.add(String.format(Locale.ROOT, "%-40s %12s %12s %8s", "comparison (ours vs raw jnats)", "ours", "raw", "ratio"));
      for (Comparison c : run.comparisons()) {
        out.add(String.format(Locale.ROOT, "%-40s %12.1f %12.1f %8.3f  (%s, %s is better)", c.name(), c.ours(), c.raw(),
            c.ratio(), c.unit(), c.better().json()));
      }
    }
    return out;
  }

  /** Every failed operation of the phase: the sum of {@link Outcome#errorCounters()}. */
  static long errors(Phase p) {
    return Outcome.errorCounters().stream().mapToLong(p::count).sum();
  }
}
