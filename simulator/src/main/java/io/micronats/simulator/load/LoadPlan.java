package io.micronats.simulator.load;

import io.micronats.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything one simulation run needs, decided before it starts: the validated scenario, where
 * results go, and the command-line overrides. Immutable; built by the CLI with {@link #builder},
 * then handed to the engine ({@code io.micronats.simulator.run.Simulation}).
 *
 * <pre>{@code
 * LoadPlan plan = LoadPlan.builder(ScenarioParser.parse(file)).outputDirectory(Path.of("out")).build();
 * }</pre>
 *
 * @param scenario the scenario to run
 * @param outputDirectory where {@code results.json} and the histogram logs are written
 * @param progress whether progress lines are printed while running
 * @param histogramLogs whether raw interval histograms are written ({@code *.hlog})
 * @param externalUrls client URLs that replace the scenario's backend with an external cluster; empty keeps it
 */
public record LoadPlan(Scenario scenario, Path outputDirectory, boolean progress, boolean histogramLogs,
    List<String> externalUrls) {

  /** Copies the list. */
  public LoadPlan {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    externalUrls = List.copyOf(externalUrls);
  }

  /** A builder with defaults: output {@code target/simulation/NAME}, progress on, histogram logs on. */
  public static Builder builder(Scenario scenario) {
    return new Builder(scenario);
  }

  /** A builder holding this plan's values. */
  public Builder toBuilder() {
    return new Builder(scenario).outputDirectory(outputDirectory).progress(progress).histogramLogs(histogramLogs)
        .externalUrls(externalUrls);
  }

  /** Builds a {@link LoadPlan}. Not thread-safe. */
  public static final class Builder {
    private final Scenario scenario;
    private Path outputDirectory;
    private boolean progress = true;
    private boolean histogramLogs = true;
    private List<String> externalUrls = List.of();

    private Builder(Scenario scenario) {
      this.scenario = Objects.requireNonNull(scenario, "scenario");
      this.outputDirectory = Path.of("target", "simulation", scenario.name());
    }

    /** Where results go. */
    public Builder outputDirectory(Path directory) {
      this.outputDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** Whether to print progress. */
    public Builder progress(boolean on) {
      this.progress = on;
      return this;
    }

    /** Whether to write raw histogram logs. */
    public Builder histogramLogs(boolean on) {
      this.histogramLogs = on;
      return this;
    }

    /** Client URLs of an existing cluster to use instead of the scenario's backend. */
    public Builder externalUrls(List<String> urls) {
      for (String url : urls) {
        if (!url.matches("(nats|tls|ws|wss)://\\S+")) {
          throw new IllegalArgumentException("not a NATS URL: '" + url + "' (expected nats://host:port)");
        }
      }
      this.externalUrls = List.copyOf(urls);
      return this;
    }

    /** The plan. No I/O. */
    public LoadPlan build() {
      return new LoadPlan(scenario, outputDirectory, progress, histogramLogs, externalUrls);
    }
  }
}
