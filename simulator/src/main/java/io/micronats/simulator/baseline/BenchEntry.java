package io.micronats.simulator.baseline;

import java.util.List;
import java.util.Map;

/**
 * One comparison between micronats and raw jnats: the median figures over the repetitions,
 * their ratios (ours / raw), every repetition, and the settings. Immutable.
 *
 * @param name {@code rpc}, {@code broker}, {@code registry.cached}, ...
 * @param description what was compared, in one sentence
 * @param ours our median figures
 * @param raw raw jnats' median figures
 * @param repetitionsOurs our figures per repetition
 * @param repetitionsRaw raw figures per repetition
 * @param settings the settings used (payload, in-flight, duration, repetitions, placement)
 */
public record BenchEntry(String name, String description, Figures ours, Figures raw, List<Figures> repetitionsOurs,
    List<Figures> repetitionsRaw, Map<String, String> settings) {
  /** Copies the collections. */
  public BenchEntry {
    repetitionsOurs = List.copyOf(repetitionsOurs);
    repetitionsRaw = List.copyOf(repetitionsRaw);
    settings = Map.copyOf(settings);
  }

  /** ours / raw throughput. */
  public double throughputRatio() {
    return ratio(ours.throughput(), raw.throughput());
  }

  /** ours / raw p50. */
  public double p50Ratio() {
    return ratio(ours.p50Micros(), raw.p50Micros());
  }

  /** ours / raw p99. */
  public double p99Ratio() {
    return ratio(ours.p99Micros(), raw.p99Micros());
  }

  private static double ratio(double a, double b) {
    return b == 0 ? 0 : a / b;
  }

  /** The median figures of a list of repetitions (each figure's own median). */
  public static Figures median(List<Figures> reps) {
    return new Figures(median(reps.stream().mapToDouble(Figures::throughput).toArray()),
        median(reps.stream().mapToDouble(Figures::p50Micros).toArray()),
        median(reps.stream().mapToDouble(Figures::p99Micros).toArray()));
  }

  private static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
