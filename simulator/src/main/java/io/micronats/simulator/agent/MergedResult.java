package io.micronats.simulator.agent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The result of a distributed run: every agent's report, counters summed, histograms merged.
 *
 * <p>Immutable after {@link #of}; the histograms returned are copies.
 *
 * @param reports the agents' reports, by agent index
 * @param counts counters summed over agents
 * @param encodedHistograms merged histograms, encoded with {@link HistogramCodec}
 */
public record MergedResult(List<AgentReport> reports, Map<String, Long> counts,
    Map<String, String> encodedHistograms) {

  public MergedResult {
    reports = List.copyOf(reports);
    counts = Map.copyOf(counts);
    encodedHistograms = Map.copyOf(encodedHistograms);
  }

  /** Merges {@code reports}: adds counters and histograms. */
  public static MergedResult of(List<AgentReport> reports) {
    List<AgentReport> sorted = new ArrayList<>(reports);
    sorted.sort(java.util.Comparator.comparingInt(AgentReport::index));
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Histogram> merged = new LinkedHashMap<>();
    for (AgentReport r : sorted) {
      r.counts().forEach((k, v) -> counts.merge(k, v, Long::sum));
      for (Map.Entry<String, String> e : r.histograms().entrySet()) {
        Histogram h = HistogramCodec.decode(e.getValue());
        merged.merge(e.getKey(), h, (a, b) -> {
          a.add(b);
          return a;
        });
      }
    }
    Map<String, String> encoded = new LinkedHashMap<>();
    merged.forEach((k, h) -> encoded.put(k, HistogramCodec.encode(h)));
    return new MergedResult(sorted, counts, encoded);
  }

  /** A merged counter, zero when absent. */
  public long count(String name) {
    return counts.getOrDefault(name, 0L);
  }

  /**
   * A merged histogram (a fresh copy).
   *
   * @throws IllegalArgumentException when no agent reported it
   */
  public Histogram histogram(String name) {
    String e = encodedHistograms.get(name);
    if (e == null) {
      throw new IllegalArgumentException("no agent reported histogram '" + name + "'; have "
          + encodedHistograms.keySet());
    }
    return HistogramCodec.decode(e);
  }
}
