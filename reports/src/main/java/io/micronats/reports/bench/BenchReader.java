package io.micronats.reports.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronats.reports.analysis.Cell;
import io.micronats.reports.analysis.Cell.Tone;
import io.micronats.reports.analysis.Format;
import io.micronats.reports.analysis.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed {@code bench.json} or {@code jmh.json} into a {@link BenchDocument}. Every numeric
 * field of an entry's {@code ours}/{@code raw} objects becomes a row (so figures added later show
 * without code changes); the repetitions give n and the range.
 *
 * <p>Stateless and thread-safe.
 */
public final class BenchReader {
  /** The {@code kind} of {@code bench.json}. */
  public static final String KIND = "micronats-bench";

  private BenchReader() {}

  /** Whether {@code root} is JMH's JSON output: an array of objects with a {@code benchmark}. */
  public static boolean isJmh(JsonNode root) {
    return root.isArray() && root.size() > 0 && root.get(0).has("benchmark") && root.get(0).has("primaryMetric");
  }

  /** Reads a {@code bench.json} tree. */
  public static BenchDocument bench(String name, JsonNode root) {
    List<List<Cell>> rows = new ArrayList<>();
    List<BenchDocument.Ratio> ratios = new ArrayList<>();
    List<String> headline = new ArrayList<>();
    for (JsonNode e : root.path("entries")) {
      String entry = e.path("name").asText("?");
      JsonNode ours = e.path("ours");
      JsonNode raw = e.path("raw");
      Set<String> figures = new LinkedHashSet<>();
      ours.fieldNames().forEachRemaining(figures::add);
      raw.fieldNames().forEachRemaining(figures::add);
      List<String> summary = new ArrayList<>();
      for (String f : figures) {
        if (!ours.path(f).isNumber() && !raw.path(f).isNumber()) {
          continue;
        }
        boolean higher = higherIsBetter(f);
        String o = cell(ours.path(f), e.path("repetitions").path("ours"), f);
        String r = cell(raw.path(f), e.path("repetitions").path("raw"), f);
        double ratio = ours.path(f).isNumber() && raw.path(f).isNumber() && raw.path(f).asDouble() != 0
            ? ours.path(f).asDouble() / raw.path(f).asDouble() : Double.NaN;
        rows.add(List.of(Cell.of(entry), Cell.of(f + (higher ? " \u2191" : " \u2193")), Cell.of(o), Cell.of(r),
            Double.isNaN(ratio) ? Cell.of("-", Tone.MUTED) : Cell.of(Format.ratio(ratio))));
        if (!Double.isNaN(ratio)) {
          ratios.add(new BenchDocument.Ratio(entry + " " + f, ratio, higher));
          summary.add(f + " " + Format.ratio(ratio));
        }
      }
      int n = e.path("repetitions").path("ours").size();
      headline.add("bench " + entry + " (ours / raw, n=" + Math.max(1, n) + "): " + String.join(", ", summary));
    }
    List<Table> tables = new ArrayList<>();
    tables.add(new Table("Bench: micronats against raw jnats", "Each figure as measured through micronats (ours)"
        + " and through raw jnats in the same run; in brackets the range over the repetitions and n; ratio = ours /"
        + " raw. \u2191 higher is better, \u2193 lower is better.",
        List.of("entry", "figure", "ours", "raw", "ratio"), rows, 2));
    tables.add(keyValues("Bench settings", root.path("settings")));
    tables.add(keyValues("Bench environment", root.path("environment")));
    return new BenchDocument(name, "bench", headline, tables, ratios);
  }

  /** Reads a JMH JSON array. */
  public static BenchDocument jmh(String name, JsonNode root) {
    List<List<Cell>> primary = new ArrayList<>();
    List<List<Cell>> secondary = new ArrayList<>();
    List<String> headline = new ArrayList<>();
    for (JsonNode b : root) {
      String bench = shortName(b.path("benchmark").asText("?"));
      String params = params(b.path("params"));
      JsonNode pm = b.path("primaryMetric");
      primary.add(List.of(Cell.of(bench), Cell.of(params), Cell.of(b.path("mode").asText("")),
          Cell.of(score(pm)), Cell.of(pm.path("scoreUnit").asText("")),
          Cell.of(b.path("forks").asText("") + " \u00d7 " + b.path("measurementIterations").asText(""))));
      headline.add("jmh " + bench + (params.isEmpty() ? "" : " [" + params + "]") + ": " + score(pm) + " "
          + pm.path("scoreUnit").asText(""));
      for (Map.Entry<String, JsonNode> m : b.path("secondaryMetrics").properties()) {
        secondary.add(List.of(Cell.of(bench), Cell.of(params), Cell.of(m.getKey()), Cell.of(score(m.getValue())),
            Cell.of(m.getValue().path("scoreUnit").asText(""))));
      }
    }
    List<Table> tables = new ArrayList<>();
    tables.add(new Table("JMH benchmarks", "Primary score \u00b1 JMH's 99.9 % error; forks \u00d7 measurement"
        + " iterations.", List.of("benchmark", "params", "mode", "score", "unit", "forks \u00d7 iter"), primary, 3));
    if (!secondary.isEmpty()) {
      tables.add(new Table("JMH secondary metrics", "For example the GC profiler's allocation per operation.",
          List.of("benchmark", "params", "metric", "score", "unit"), secondary, 3));
    }
    return new BenchDocument(name, "jmh", headline, tables, List.of());
  }

  private static String score(JsonNode metric) {
    double s = metric.path("score").asDouble(Double.NaN);
    double err = metric.path("scoreError").asDouble(Double.NaN);
    return Format.number(s) + (Double.isFinite(err) ? " \u00b1 " + Format.number(err) : "");
  }

  private static String params(JsonNode params) {
    List<String> out = new ArrayList<>();
    params.properties().forEach(e -> out.add(e.getKey() + "=" + e.getValue().asText()));
    return String.join(", ", out);
  }

  private static String shortName(String benchmark) {
    int last = benchmark.lastIndexOf('.');
    int previous = last > 0 ? benchmark.lastIndexOf('.', last - 1) : -1;
    return last > 0 ? benchmark.substring(previous + 1) : benchmark;
  }

  /** Latency, CPU and allocation figures are better lower; throughput-like ones higher. */
  static boolean higherIsBetter(String figure) {
    String f = figure.toLowerCase(Locale.ROOT);
    return f.contains("throughput") || f.contains("rate") || (f.contains("ops") && !f.contains("perop"));
  }

  private static String cell(JsonNode value, JsonNode repetitions, String figure) {
    if (!value.isNumber()) {
      return "-";
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int n = 0;
    for (JsonNode r : repetitions) {
      if (r.path(figure).isNumber()) {
        min = Math.min(min, r.path(figure).asDouble());
        max = Math.max(max, r.path(figure).asDouble());
        n++;
      }
    }
    String v = Format.number(value.asDouble());
    return n > 1 ? v + " (" + Format.number(min) + "\u2013" + Format.number(max) + ", n=" + n + ")" : v + " (n=1)";
  }

  private static Table keyValues(String title, JsonNode object) {
    List<List<Cell>> rows = new ArrayList<>();
    object.properties().forEach(e -> {
      if (e.getValue().isObject()) {
        e.getValue().properties().forEach(x -> rows.add(List.of(Cell.of(e.getKey() + "." + x.getKey()),
            Cell.of(x.getValue().asText()))));
      } else {
        rows.add(List.of(Cell.of(e.getKey()), Cell.of(e.getValue().asText())));
      }
    });
    return new Table(title, "", List.of("key", "value"), rows, 2);
  }
}
