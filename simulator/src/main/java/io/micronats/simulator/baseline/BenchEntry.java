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

  /** ours / raw CPU time per operation (0 when not measured). */
  public double cpuPerOpRatio() {
    return ratio(ours.cpuMicrosPerOp(), raw.cpuMicrosPerOp());
  }

  /** ours / raw bytes allocated per operation (0 when not measured). */
  public double allocPerOpRatio() {
    return ratio(ours.allocBytesPerOp(), raw.allocBytesPerOp());
  }

  /**
   * The ratios of interleaved pairs: repetition i of ours against repetition i of raw, run one
   * after the other. Immutable.
   *
   * @param values one ratio per pair, in run order
   * @param median their median
   * @param min the smallest
   * @param max the largest
   */
  public record Spread(List<Double> values, double median, double min, double max) {
    /** Copies the list. */
    public Spread {
      values = List.copyOf(values);
    }

    /** Whether the range reaches beyond ±10 % of the median. */
    public boolean wide() {
      return median > 0 && (max > median * 1.10 || min < median * 0.90);
    }
  }

  /** Per-pair ratios of one figure ({@code throughput}, {@code p50}, {@code p99}, {@code cpuPerOp}, {@code allocPerOp}). */
  public Spread spread(String figure) {
    java.util.function.ToDoubleFunction<Figures> f = switch (figure) {
      case "throughput" -> Figures::throughput;
      case "p50" -> Figures::p50Micros;
      case "p99" -> Figures::p99Micros;
      case "cpuPerOp" -> Figures::cpuMicrosPerOp;
      case "allocPerOp" -> Figures::allocBytesPerOp;
      default -> throw new IllegalArgumentException("no figure " + figure);
    };
    int n = Math.min(repetitionsOurs.size(), repetitionsRaw.size());
    List<Double> values = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(ratio(f.applyAsDouble(repetitionsOurs.get(i)), f.applyAsDouble(repetitionsRaw.get(i))));
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    return new Spread(values, median(v), java.util.Arrays.stream(v).min().orElse(0),
        java.util.Arrays.stream(v).max().orElse(0));
  }

  /** The per-pair spreads of every figure, by figure name. */
  public Map<String, Spread> spreads() {
    Map<String, Spread> m = new java.util.LinkedHashMap<>();
    for (String f : List.of("throughput", "p50", "p99", "cpuPerOp", "allocPerOp")) {
      m.put(f, spread(f));
    }
    return m;
  }

  private static double ratio(double a, double b) {
    return b == 0 ? 0 : a / b;
  }

  /** The median figures of a list of repetitions (each figure's own median). */
  public static Figures median(List<Figures> reps) {
    return new Figures(median(reps.stream().mapToDouble(Figures::throughput).toArray()),
        median(reps.stream().mapToDouble(Figures::p50Micros).toArray()),
        median(reps.stream().mapToDouble(Figures::p99Micros).toArray()),
        median(reps.stream().mapToDouble(Figures::cpuMicrosPerOp).toArray()),
        median(reps.stream().mapToDouble(Figures::allocBytesPerOp).toArray()));
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
