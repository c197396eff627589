package io.micronats.reports.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The result of one simulator run: the scenario, the environment stamp, the start time, the
 * measured phases, free labels and the comparisons against the in-run baseline. This is the root of
 * {@code results.json}; see {@code reports/RESULTS-SCHEMA.md}.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder(Scenario, Environment, Instant)} and
 * write it with {@link ResultsWriter#write(RunResult, java.nio.file.Path)}:
 *
 * <pre>{@code
 * RunResult result = RunResult.builder(Scenario.named("rpc-knee"), Environment.detect("2.26.2", "2.9.10"), start)
 *     .label(MetricNames.IMPLEMENTATION, "nats").label(MetricNames.LAYOUT, "3")
 *     .phase(phase)
 *     .comparison(Comparison.of("rpc p99", 812.0, 640.0, "us", Better.LOWER))
 *     .build();
 * ResultsWriter.write(result, outDir.resolve("results.json"));
 * }</pre>
 *
 * <p>The schema version and {@code kind} are not fields: the writer stamps the current ones and the
 * reader checks them.
 *
 * @param scenario what was run
 * @param environment where and with which versions
 * @param startedAt when the run started (UTC)
 * @param phases the measured phases, in execution order, names unique
 * @param labels free labels of the whole run (implementation, layout, strategy, ...)
 * @param comparisons ours-against-raw comparisons from the baseline phases
 * @param faults the faults injected during the run, in injection order (optional, added in
 *     schema version 1 as an additive field; absent means none). The only form of fault results
 *     since schema version 2; the reader completes the faults of a version-1 file from the flat
 *     phase keys {@code fault.<i>.*} written then
 */
public record RunResult(
    Scenario scenario, Environment environment, Instant startedAt, List<Phase> phases,
    Map<String, String> labels, List<Comparison> comparisons,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Fault> faults) {

  /**
   * Validates and copies.
   *
   * @throws IllegalArgumentException when two phases share a name
   */
  public RunResult {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(startedAt, "startedAt");
    phases = Copies.list(phases, "phases");
    Set<String> names = new HashSet<>();
    for (Phase p : phases) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("phase names must be unique, \"" + p.name() + "\" appears twice");
      }
    }
    labels = Copies.map(labels, "labels");
    comparisons = Copies.list(comparisons, "comparisons");
    faults = Copies.list(faults, "faults");
  }

  /** This result with {@code newFaults} as its faults. */
  public RunResult withFaults(List<Fault> newFaults) {
    return new RunResult(scenario, environment, startedAt, phases, labels, comparisons, newFaults);
  }

  /** The faults timed in the phase named {@code phaseName}, in injection order. */
  public List<Fault> faultsIn(String phaseName) {
    return faults.stream().filter(f -> f.inPhase(phaseName)).toList();
  }

  /** A builder with no phases, labels, comparisons or faults yet. */
  public static Builder builder(Scenario scenario, Environment environment, Instant startedAt) {
    return new Builder(scenario, environment, startedAt);
  }

  /** The phase named {@code name}. */
  public Optional<Phase> phase(String name) {
    return phases.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** A mutable builder of {@link RunResult}; not thread-safe. */
  public static final class Builder {
    private final Scenario scenario;
    private final Environment environment;
    private final Instant startedAt;
    private final List<Phase> phases = new ArrayList<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<Comparison> comparisons = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();

    private Builder(Scenario scenario, Environment environment, Instant startedAt) {
      this.scenario = scenario;
      this.environment = environment;
      this.startedAt = startedAt;
    }

    public Builder phase(Phase phase) {
      phases.add(phase);
      return this;
    }

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public Builder comparison(Comparison comparison) {
      comparisons.add(comparison);
      return this;
    }

    public Builder fault(Fault fault) {
      faults.add(fault);
      return this;
    }

    /**
     * The result.
     *
     * @throws IllegalArgumentException as the {@link RunResult} constructor
     */
    public RunResult build() {
      return new RunResult(scenario, environment, startedAt, phases, labels, comparisons, faults);
    }
  }
}
