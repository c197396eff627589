package io.micronats.reports.markdown;

import io.micronats.reports.NamedResult;
import io.micronats.reports.NamedTckReport;
import io.micronats.reports.ReportRenderer;
import io.micronats.reports.ReportSet;
import io.micronats.reports.analysis.Cell;
import io.micronats.reports.bench.BenchDocument;
import io.micronats.reports.analysis.EnvironmentCheck;
import io.micronats.reports.analysis.FaultTables;
import io.micronats.reports.analysis.Headline;
import io.micronats.reports.analysis.SideBySide;
import io.micronats.reports.analysis.Table;
import io.micronats.reports.analysis.TckTables;
import io.micronats.reports.analysis.Tables;
import io.micronats.reports.model.TckRule;
import io.micronats.reports.model.TckStatus;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown renderer: headings, warnings as block quotes, and GitHub-flavoured pipe tables
 * (numbers right-aligned; bad cells in bold, attention cells in italics).
 *
 * <p>Stateless and thread-safe; deterministic.
 */
public final class MarkdownReportRenderer implements ReportRenderer {
  @Override
  public void render(ReportSet set, Writer out) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# micronats report\n\n");
    Headline.of(set).forEach(line -> md.append("- ").append(escape(line)).append('\n'));
    md.append('\n');
    if (set.isComparison()) {
      md.append("Method: ").append(escape(SideBySide.METHOD)).append("\n\n");
    }
    inputs(set, md);
    if (!set.results().isEmpty()) {
      results(set.results(), md);
    }
    if (!set.tckReports().isEmpty()) {
      tck(set.tckReports(), md);
    }
    for (BenchDocument b : set.benches()) {
      md.append("## ").append(b.kind().equals("jmh") ? "JMH: " : "Bench: ").append(escape(b.name())).append("\n\n");
      b.tables().forEach(t -> table(t, md, 3));
    }
    out.write(md.toString());
    out.flush();
  }

  private static void inputs(ReportSet set, StringBuilder md) {
    md.append("Inputs:\n\n");
    set.results().forEach(r -> md.append("- simulator result **").append(escape(r.name())).append("** from `")
        .append(r.source()).append("`\n"));
    set.tckReports().forEach(r -> md.append("- TCK report **").append(escape(r.name())).append("** from `")
        .append(r.source()).append("`\n"));
    set.benches().forEach(b -> md.append("- ").append(b.kind().equals("jmh") ? "JMH result **" : "bench result **")
        .append(escape(b.name())).append("**\n"));
    md.append('\n');
  }

  private static void results(List<NamedResult> results, StringBuilder md) {
    md.append("## Simulator results\n\n");
    List<String> warnings = EnvironmentCheck.results(results);
    warnings.forEach(w -> md.append("> **Warning:** ").append(escape(w)).append("\n>\n"));
    if (!warnings.isEmpty()) {
      md.setLength(md.length() - 2);
      md.append('\n');
    }
    if (results.size() > 1) {
      Table all = Tables.sideBySide(results);
      Table called = Tables.calledOnly(all);
      if (!called.rows().isEmpty()) {
        table(called, md, 3);
      }
      table(all, md, 3);
      table(Tables.differencesOnly(Tables.settings(results)), md, 3);
    }
    for (NamedResult r : results) {
      md.append("### ").append(escape(r.name())).append("\n\n");
      table(Tables.ratesAndErrors(r.result()), md, 4);
      table(Tables.latency(r.result()), md, 4);
      List<Table> faults = FaultTables.of(r.result());
      if (!faults.isEmpty()) {
        md.append("#### Faults\n\n");
        faults.forEach(t -> table(t, md, 5));
      }
      Tables.baseline(r.result()).ifPresent(t -> table(t, md, 4));
    }
    table(Tables.environment(results), md, 3);
    table(Tables.settings(results), md, 3);
  }

  private static void tck(List<NamedTckReport> reports, StringBuilder md) {
    md.append("## TCK\n\n");
    List<String> warnings = EnvironmentCheck.tck(reports);
    warnings.forEach(w -> md.append("> **Warning:** ").append(escape(w)).append("\n\n"));
    table(TckTables.summary(reports), md, 3);
    if (reports.size() > 1) {
      table(TckTables.matrix(reports), md, 3);
    }
    for (NamedTckReport r : reports) {
      md.append("### TCK: ").append(escape(r.name())).append("\n\n");
      List<TckRule> failed = r.report().rules().stream().filter(x -> x.status() == TckStatus.FAILED).toList();
      if (!failed.isEmpty()) {
        md.append("Failed rules:\n\n");
        failed.forEach(x -> md.append("- **").append(escape(x.id())).append("** (").append(x.level()).append("):\n\n")
            .append(fenced(x.message().orElse("(no message)"))).append('\n'));
      }
      TckTables.rulesByArea(r).forEach(t -> table(t, md, 4));
    }
  }

  /** A message as an indented fenced block under a list item, line breaks kept. */
  static String fenced(String message) {
    String fence = message.contains("```") ? "~~~~" : "```";
    StringBuilder sb = new StringBuilder("  ").append(fence).append('\n');
    message.lines().forEach(l -> sb.append("  ").append(l).append('\n'));
    return sb.append("  ").append(fence).append('\n').toString();
  }

  private static void table(Table t, StringBuilder md, int level) {
    if (t.rows().isEmpty()) {
      md.append("#".repeat(level)).append(' ').append(escape(t.title())).append("\n\n")
          .append(escape(t.caption().isEmpty() ? "Nothing to show." : t.caption())).append("\n\n");
      return;
    }
    md.append("#".repeat(level)).append(' ').append(escape(t.title())).append("\n\n");
    if (!t.caption().isEmpty()) {
      md.append(escape(t.caption())).append("\n\n");
    }
    List<String> header = new ArrayList<>();
    t.header().forEach(h -> header.add(escape(h)));
    md.append("| ").append(String.join(" | ", header)).append(" |\n|");
    for (int i = 0; i < header.size(); i++) {
      md.append(t.isLeft(i) ? " --- |" : " ---: |");
    }
    md.append('\n');
    for (List<Cell> row : t.rows()) {
      md.append('|');
      for (Cell c : row) {
        md.append(' ').append(cell(c)).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  private static String cell(Cell c) {
    String text = escape(c.text());
    if (text.isEmpty()) {
      return "";
    }
    return switch (c.tone()) {
      case BAD -> "**" + text + "**";
      case WARN -> "*" + text + "*";
      case GOOD, MUTED, PLAIN -> text;
    };
  }

  /** Escapes what breaks a table or inline formatting; newlines become spaces. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '|', '*', '_', '`', '<', '>', '[', ']', '\\' -> sb.append('\\').append(ch);
        case '\n', '\r' -> sb.append(' ');
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }
}
