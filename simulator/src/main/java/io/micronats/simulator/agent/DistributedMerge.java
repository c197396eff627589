package io.micronats.simulator.agent;

import io.micronats.simulator.measure.Outcome;
import io.micronats.simulator.measure.PhaseMeasurement;
import io.micronats.simulator.measure.TimePoint;
import io.micronats.simulator.workload.PhaseRecord;
import io.micronats.simulator.workload.PhaseRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Merges the agents' phases into the phases of one run, with the structure and names of a
 * single-machine run: the k-th phase of each workload on every agent is one phase; counters and
 * the generators' numbers add up, histograms merge exactly (HdrHistogram add), rates that are
 * flows add up ({@code achieved}, {@code offered}, {@code delivered}, {@code simulator.cpuCores}),
 * ratios are recomputed ({@code completeness}) or averaged; the per-second series adds rates and
 * errors and keeps the highest p99; RPC phases are renamed after the total rate or loops
 * ({@code rpc-open-1000}); the broker phase gets the run-wide accounting of
 * {@link BrokerAccounting}. Labels say how many agents took part and what each did; a label whose
 * value differs between agents lists every agent's value.
 *
 * <p>Stateless and thread-safe.
 */
public final class DistributedMerge {
  private static final Set<String> FLOWS = Set.of("achieved", "offered", "delivered", "simulator.cpuCores");

  private DistributedMerge() {}

  /** The merged phases of {@code reports} (by agent index), in the order agent 0 ran them. */
  public static List<PhaseRecord> phases(List<AgentReport> reports) {
    Map<String, Map<Integer, PhaseReport>> byKey = new LinkedHashMap<>();
    for (AgentReport r : reports) {
      Map<String, Integer> ordinal = new java.util.HashMap<>();
      for (PhaseReport p : r.phases()) {
        int k = ordinal.merge(p.workload(), 1, Integer::sum) - 1;
        byKey.computeIfAbsent(p.workload() + "#" + k, x -> new TreeMap<>()).put(r.index(), p);
      }
    }
    Map<Integer, BrokerTally> tallies = new TreeMap<>();
    for (AgentReport r : reports) {
      if (r.broker() != null) {
        tallies.put(r.index(), r.broker());
      }
    }
    Map<Integer, String> names = new TreeMap<>();
    reports.forEach(r -> names.put(r.index(), r.agent()));
    List<PhaseRecord> out = new ArrayList<>();
    for (Map<Integer, PhaseReport> parts : byKey.values()) {
      PhaseRecord merged = merge(parts, names, reports.size());
      if (merged.workload().equals("broker") && !tallies.isEmpty()) {
        Map<String, Long> counts = new LinkedHashMap<>(merged.counts());
        counts.putAll(BrokerAccounting.account(tallies));
        merged = merged.toBuilder().counts(counts).build();
      }
      out.add(merged);
    }
    return out;
  }

  /** One phase from its parts, by agent index. */
  static PhaseRecord merge(Map<Integer, PhaseReport> parts, Map<Integer, String> names, int agents) {
    PhaseReport first = parts.values().iterator().next();
    Map<String, Histogram> histograms = new LinkedHashMap<>();
    Map<String, Long> measurementCounts = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Double> sums = new LinkedHashMap<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    List<TimePoint> series = new ArrayList<>();
    double targetRate = 0;
    int concurrency = 0;
    long window = 0;
    for (PhaseReport p : parts.values()) {
      p.decodedHistograms().forEach((k, h) -> histograms.computeIfAbsent(k, x -> new Histogram(3)).add(h));
      p.measurementCounts().forEach((k, v) -> measurementCounts.merge(k, v, Long::sum));
      p.counts().forEach((k, v) -> counts.merge(k, v, Long::sum));
      p.rates().forEach((k, v) -> {
        sums.merge(k, v, Double::sum);
        seen.merge(k, 1, Integer::sum);
      });
      for (int i = 0; i < p.series().size(); i++) {
        TimePoint t = p.series().get(i);
        if (i == series.size()) {
          series.add(t);
        } else {
          TimePoint s = series.get(i);
          series.set(i, new TimePoint(s.tMillis(), s.rate() + t.rate(), Math.max(s.p99Micros(), t.p99Micros()),
              s.errors() + t.errors()));
        }
      }
      targetRate += p.targetRate();
      concurrency += p.concurrency();
      window = Math.max(window, p.windowNanos());
    }
    Map<String, Double> rates = new LinkedHashMap<>();
    sums.forEach((k, v) -> rates.put(k, FLOWS.contains(k) ? v : v / seen.getOrDefault(k, 1)));
    if (rates.containsKey("completeness")) {
      long complete = measurementCounts.getOrDefault("complete", 0L);
      long incomplete = measurementCounts.getOrDefault("incomplete", 0L);
      rates.put("completeness", complete + incomplete == 0 ? 0 : (double) complete / (complete + incomplete));
    }
    rates.remove("simulator.cpuShare");
    String name = first.name();
    if (first.workload().equals("rpc")) {
      name = first.closed() ? "rpc-closed-" + concurrency : "rpc-open-" + PhaseRunner.fmt(targetRate);
    }
    PhaseMeasurement m = new PhaseMeasurement(first.primary(), window, histograms, measurementCounts, series);
    return PhaseRecord.builder().name(name).workload(first.workload()).closed(first.closed()).targetRate(targetRate)
        .concurrency(concurrency).measurement(m).counts(counts).rates(rates).labels(labels(parts, names, agents)).build();
  }

  private static Map<String, String> labels(Map<Integer, PhaseReport> parts, Map<Integer, String> names, int agents) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (PhaseReport p : parts.values()) {
      p.labels().forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    values.forEach((k, v) -> labels.put(k, v.stream().distinct().count() == 1 && v.size() == parts.size() ? v.get(0)
        : String.join(" | ", v)));
    labels.put("agents", agents + (parts.size() == agents ? "" : " (" + parts.size() + " ran this phase)"));
    parts.forEach((i, p) -> {
      Double cpu = p.rates().get("simulator.cpuCores");
      labels.put("agent." + i, names.getOrDefault(i, "?") + ": " + p.name()
          + (p.closed() ? ", " + p.concurrency() + " loops, " : ", offered " + PhaseRunner.fmt(p.targetRate()) + "/s, ")
          + p.count("successes") + " successes, "
          + errors(p) + " errors" + (cpu == null ? "" : String.format(java.util.Locale.ROOT, ", %.2f cores", cpu)));
    });
    return labels;
  }

  private static long errors(PhaseReport p) {
    long sum = 0;
    for (Outcome o : Outcome.values()) {
      if (o.isError()) {
        sum += p.measurementCounts().getOrDefault(o.counter(), 0L);
      }
    }
    return sum;
  }
}
