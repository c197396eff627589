package io.micronats.reports;

import io.micronats.reports.bench.BenchDocument;
import io.micronats.reports.model.RunResult;
import io.micronats.reports.model.TckReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one report shows: any number of simulator results (one gives a single-run page, several a
 * side-by-side comparison with the first as the baseline) and any number of TCK reports (several
 * give a rules x plugins matrix).
 *
 * <p>Immutable and thread-safe. Build one from files with {@link Reports#read(List)} or from
 * values with {@link #of(List, List)}, which names each input.
 *
 * @param results simulator results in input order (the first is the comparison baseline)
 * @param tckReports TCK reports in input order
 * @param benches {@code bench.json} and JMH files in input order
 */
public record ReportSet(List<NamedResult> results, List<NamedTckReport> tckReports, List<BenchDocument> benches) {
  /** Copies the lists; names must be unique. */
  public ReportSet {
    results = List.copyOf(results);
    tckReports = List.copyOf(tckReports);
    benches = List.copyOf(benches);
    Set<String> names = new HashSet<>();
    results.forEach(r -> unique(names, r.name()));
    names.clear();
    tckReports.forEach(r -> unique(names, r.name()));
  }

  /** A set without benchmark files. */
  public ReportSet(List<NamedResult> results, List<NamedTckReport> tckReports) {
    this(results, tckReports, List.of());
  }

  /** This set with {@code more} benchmark files added. */
  public ReportSet withBenches(List<BenchDocument> more) {
    List<BenchDocument> all = new ArrayList<>(benches);
    all.addAll(more);
    return new ReportSet(results, tckReports, all);
  }

  /**
   * Names the inputs and builds the set. A result is named by its scenario when the scenarios
   * differ, plus the identity labels (implementation, layout, strategy, services) that differ
   * between the results (for example {@code "layout=3"}); when neither differs, by at most two other
   * differing labels; a TCK report by its plugin. Remaining duplicates get their source appended.
   *
   * @param results (source, result) pairs in input order
   * @param tckReports (source, report) pairs in input order
   */
  public static ReportSet of(List<Map.Entry<String, RunResult>> results, List<Map.Entry<String, TckReport>> tckReports) {
    List<String> resultNames = dedupe(resultNames(results.stream().map(Map.Entry::getValue).toList()),
        results.stream().map(Map.Entry::getKey).toList());
    List<NamedResult> named = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      named.add(new NamedResult(resultNames.get(i), results.get(i).getKey(), results.get(i).getValue()));
    }
    List<String> tckNames = dedupe(tckReports.stream().map(e -> e.getValue().plugin()).toList(),
        tckReports.stream().map(Map.Entry::getKey).toList());
    List<NamedTckReport> namedTck = new ArrayList<>();
    for (int i = 0; i < tckReports.size(); i++) {
      namedTck.add(new NamedTckReport(tckNames.get(i), tckReports.get(i).getKey(), tckReports.get(i).getValue()));
    }
    return new ReportSet(named, namedTck);
  }

  /** Whether there is more than one simulator result (the page is a comparison). */
  public boolean isComparison() {
    return results.size() > 1;
  }

  /** Labels that identify what a run compared, in the order they name it. */
  private static final List<String> IDENTITY = List.of("implementation", "layout", "strategy", "services");

  private static List<String> resultNames(List<RunResult> results) {
    if (results.size() <= 1) {
      return results.stream().map(r -> r.scenario().name()).toList();
    }
    Set<String> keys = new java.util.TreeSet<>();
    results.forEach(r -> keys.addAll(r.labels().keySet()));
    List<String> differing = keys.stream()
        .filter(k -> results.stream().map(r -> r.labels().getOrDefault(k, "")).distinct().count() > 1)
        .toList();
    List<String> identity = IDENTITY.stream().filter(differing::contains).toList();
    boolean scenariosDiffer = results.stream().map(r -> r.scenario().name()).distinct().count() > 1;
    List<String> shown = identity.isEmpty() && !scenariosDiffer
        ? differing.stream().limit(2).toList() : identity;
    List<String> names = new ArrayList<>();
    for (RunResult r : results) {
      List<String> parts = new ArrayList<>();
      if (scenariosDiffer) {
        parts.add(r.scenario().name());
      }
      shown.forEach(k -> parts.add(k + "=" + r.labels().getOrDefault(k, "-")));
      names.add(parts.isEmpty() ? r.scenario().name() : String.join(" ", parts));
    }
    return names;
  }

  private static List<String> dedupe(List<String> names, List<String> sources) {
    Map<String, Long> counts = names.stream().collect(Collectors.groupingBy(n -> n, LinkedHashMap::new, Collectors.counting()));
    List<String> out = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = counts.getOrDefault(names.get(i), 0L) > 1 ? names.get(i) + " (" + sources.get(i) + ")" : names.get(i);
      String unique = name;
      for (int k = 2; !used.add(unique); k++) {
        unique = name + " #" + k;
      }
      out.add(unique);
    }
    return out;
  }

  private static void unique(Set<String> names, String name) {
    if (!names.add(name)) {
      throw new IllegalArgumentException("input names must be unique, \"" + name + "\" appears twice");
    }
  }
}
