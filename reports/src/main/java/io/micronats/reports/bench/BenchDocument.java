package io.micronats.reports.bench;

import io.micronats.reports.analysis.Table;
import java.util.List;
import java.util.Objects;

/**
 * A benchmark file ready to render: its headline lines, its tables and, for {@code bench.json},
 * the ratio bars (ours divided by raw per entry and figure).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the shown name (the file's source)
 * @param kind {@code "bench"} or {@code "jmh"}
 * @param headline the short verdict lines
 * @param tables the tables, most important first
 * @param ratios ratio bars, empty for JMH
 */
public record BenchDocument(String name, String kind, List<String> headline, List<Table> tables, List<Ratio> ratios) {
  /** Copies the lists. */
  public BenchDocument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    headline = List.copyOf(headline);
    tables = List.copyOf(tables);
    ratios = List.copyOf(ratios);
  }

  /**
   * One bar: ours / raw for one figure of one entry.
   *
   * @param label entry and figure, for example {@code "rpc p99Micros"}
   * @param ratio ours divided by raw
   * @param higherIsBetter whether a ratio above 1 favours ours
   */
  public record Ratio(String label, double ratio, boolean higherIsBetter) {}
}
