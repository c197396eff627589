package io.micronats.simulator.run;

import io.micronats.reports.model.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a finished simulation produced. Immutable.
 *
 * @param result the results as written
 * @param resultsFile the {@code results.json} path
 * @param histogramLogs the raw histogram log files
 * @param wallTime how long the whole run took
 * @param summary the terminal summary lines
 */
public record SimulationResult(RunResult result, Path resultsFile, List<Path> histogramLogs, Duration wallTime,
    List<String> summary) {
  /** Workloads that failed (from the {@code failure.NAME} labels), empty when all ran. */
  public java.util.Map<String, String> failures() {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    result.labels().forEach((k, v) -> {
      if (k.startsWith("failure.")) {
        out.put(k.substring("failure.".length()), v);
      }
    });
    return out;
  }

  /** Copies the lists. */
  public SimulationResult {
    histogramLogs = List.copyOf(histogramLogs);
    summary = List.copyOf(summary);
  }
}
