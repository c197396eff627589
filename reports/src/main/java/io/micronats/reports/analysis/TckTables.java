package io.micronats.reports.analysis;

import io.micronats.reports.NamedTckReport;
import io.micronats.reports.analysis.Cell.Tone;
import io.micronats.reports.model.TckLevel;
import io.micronats.reports.model.TckReport;
import io.micronats.reports.model.TckRule;
import io.micronats.reports.model.TckStatus;
import io.micronats.reports.model.TckVerdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of TCK reports: a summary per plugin, every rule grouped by area and level, and the
 * rules x plugins matrix when there are several reports.
 *
 * <p>Stateless and thread-safe. Rules are ordered by area (first appearance), then level
 * (required, recommended, optional), then id.
 */
public final class TckTables {
  private static final List<TckLevel> LEVEL_ORDER = List.of(TckLevel.REQUIRED, TckLevel.RECOMMENDED, TckLevel.OPTIONAL);

  private TckTables() {}

  /** One row per report: verdict, counts, capabilities, duration, versions. */
  public static Table summary(List<NamedTckReport> reports) {
    List<List<Cell>> rows = new ArrayList<>();
    for (NamedTckReport n : reports) {
      TckReport r = n.report();
      rows.add(List.of(Cell.of(n.name()), verdict(r.verdict()),
          Cell.of(r.capabilities().isEmpty() ? "none" : String.join(", ", r.capabilities())),
          Cell.of(r.tckVersion()), Cell.of(String.valueOf(r.environment().getOrDefault("java", "?"))),
          Cell.of(Integer.toString(r.counts().total())),
          Cell.of(Integer.toString(r.counts().passed()), r.counts().passed() > 0 ? Tone.GOOD : Tone.PLAIN),
          Cell.of(Integer.toString(r.counts().failed()), r.counts().failed() > 0 ? Tone.BAD : Tone.PLAIN),
          Cell.of(Integer.toString(r.counts().skipped()), r.counts().skipped() > 0 ? Tone.WARN : Tone.PLAIN),
          Cell.of(Format.number(r.durationMillis() / 1000.0) + " s")));
    }
    return new Table("TCK verdict", "COMPATIBLE iff no REQUIRED rule failed and no rule of a declared capability failed.",
        List.of("plugin", "verdict", "capabilities", "TCK", "java", "rules", "passed", "failed", "skipped", "duration"),
        rows, 5);
  }

  /** The rules of one report for one area, grouped by level. */
  public static List<Table> rulesByArea(NamedTckReport report) {
    List<Table> tables = new ArrayList<>();
    for (Map.Entry<String, List<TckRule>> area : byArea(report.report().rules()).entrySet()) {
      List<List<Cell>> rows = new ArrayList<>();
      for (TckRule rule : area.getValue()) {
        rows.add(List.of(Cell.of(rule.id()), Cell.of(rule.level().name()), Cell.of(rule.capability().orElse("")),
            Cell.of(rule.statement()), status(rule), Cell.of(rule.message().orElse(""))));
      }
      tables.add(new Table(report.name() + ": " + area.getKey(), area.getValue().size() + (area.getValue().size() == 1 ? " rule" : " rules") + ", by level.",
          List.of("rule", "level", "capability", "statement", "status", "message"), rows, 6));
    }
    return tables;
  }

  /** Rules x plugins: one row per rule id (union, in order), one column per report. */
  public static Table matrix(List<NamedTckReport> reports) {
    Map<String, TckRule> union = new LinkedHashMap<>();
    reports.forEach(r -> r.report().rules().forEach(rule -> union.putIfAbsent(rule.id(), rule)));
    List<TckRule> ordered = new ArrayList<>();
    byArea(List.copyOf(union.values())).values().forEach(ordered::addAll);
    List<String> header = new ArrayList<>(List.of("rule", "area", "level", "statement"));
    reports.forEach(r -> header.add(r.name()));
    List<List<Cell>> rows = new ArrayList<>();
    for (TckRule rule : ordered) {
      List<Cell> row = new ArrayList<>(List.of(Cell.of(rule.id()), Cell.of(rule.area()),
          Cell.of(rule.level().name()), Cell.of(rule.statement())));
      for (NamedTckReport r : reports) {
        Optional<TckRule> own = r.report().rules().stream().filter(x -> x.id().equals(rule.id())).findFirst();
        row.add(own.map(TckTables::status).orElse(Cell.of("absent", Tone.MUTED)));
      }
      rows.add(row);
    }
    return new Table("Rules \u00d7 plugins", "Each cell is the rule's status for that plugin; the message is in the"
        + " tooltip (HTML) and in the per-plugin tables.", header, rows, header.size());
  }

  private static Map<String, List<TckRule>> byArea(List<TckRule> rules) {
    Map<String, List<TckRule>> areas = new LinkedHashMap<>();
    rules.forEach(rule -> areas.computeIfAbsent(rule.area(), a -> new ArrayList<>()).add(rule));
    areas.values().forEach(list -> list.sort(Comparator.<TckRule>comparingInt(r -> LEVEL_ORDER.indexOf(r.level()))
        .thenComparing(TckRule::id)));
    return areas;
  }

  /** A rule's status cell, toned, with its message as the note. */
  public static Cell status(TckRule rule) {
    Tone tone = switch (rule.status()) {
      case PASSED -> Tone.GOOD;
      case FAILED -> rule.level() == TckLevel.REQUIRED ? Tone.BAD : Tone.WARN;
      case SKIPPED -> Tone.MUTED;
    };
    return new Cell(rule.status().name(), rule.status() == TckStatus.FAILED ? Tone.BAD : tone,
        rule.message().orElse(""));
  }

  private static Cell verdict(TckVerdict v) {
    return Cell.of(v.name(), v == TckVerdict.COMPATIBLE ? Tone.GOOD : Tone.BAD);
  }
}
