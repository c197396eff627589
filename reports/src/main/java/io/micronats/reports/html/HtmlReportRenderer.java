package io.micronats.reports.html;

import static io.micronats.reports.html.Svg.esc;

import io.micronats.reports.NamedResult;
import io.micronats.reports.NamedTckReport;
import io.micronats.reports.ReportRenderer;
import io.micronats.reports.ReportSet;
import io.micronats.reports.analysis.Cell;
import io.micronats.reports.bench.BenchDocument;
import io.micronats.reports.analysis.EnvironmentCheck;
import io.micronats.reports.analysis.FaultTables;
import io.micronats.reports.analysis.Headline;
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
 * The HTML renderer: one self-contained page (inline CSS, inline SVG, no script, no network) with a
 * table of contents, warnings, comparison and per-result sections with numbered figures and tables,
 * and the TCK section.
 *
 * <p>Stateless and thread-safe; deterministic (no clock: the only times shown are the runs' own).
 */
public final class HtmlReportRenderer implements ReportRenderer {
  /** A number-column cell longer than this is a sentence and may wrap. */
  private static final int PROSE_CHARS = 24;

  @Override
  public void render(ReportSet set, Writer out) throws IOException {
    Page page = new Page();
    page.head(set);
    if (set.isComparison()) {
      comparison(set.results(), page);
    }
    for (int i = 0; i < set.results().size(); i++) {
      result(set, i, page);
    }
    if (!set.tckReports().isEmpty()) {
      tck(set.tckReports(), page);
    }
    for (int i = 0; i < set.benches().size(); i++) {
      bench(set.benches().get(i), i, page);
    }
    page.foot();
    out.write(page.html.toString());
    out.flush();
  }

  private static void comparison(List<NamedResult> results, Page page) {
    page.html.append("<section id=\"comparison\">\n<h2>Comparison</h2>\n<p>Baseline: <b>")
        .append(esc(results.get(0).name())).append("</b>. Ratios are each input divided by the baseline.</p>\n");
    warnings(EnvironmentCheck.results(results), page);
    page.figures(ComparisonCharts.of(results));
    Table all = Tables.sideBySide(results);
    Table called = Tables.calledOnly(all);
    if (!called.rows().isEmpty()) {
      page.table(called);
    }
    page.details("Side by side: every metric (" + all.rows().size() + " rows)", all);
    page.table(Tables.differencesOnly(Tables.settings(results)));
    page.details("Environment: every row", Tables.environment(results));
    page.details("Scenario settings: every row", Tables.settings(results));
    page.html.append("</section>\n");
  }

  private static void result(ReportSet set, int index, Page page) {
    NamedResult r = set.results().get(index);
    page.html.append("<section id=\"result-").append(index + 1).append("\">\n<h2>")
        .append(set.isComparison() ? "Result: " : "Simulator result: ").append(esc(r.name())).append("</h2>\n")
        .append("<p class=\"meta\">Scenario <b>").append(esc(r.result().scenario().name())).append("</b>, started ")
        .append(esc(r.result().startedAt().toString())).append(", ").append(r.result().phases().size())
        .append(" phases, from <code>").append(esc(r.source())).append("</code>.</p>\n");
    page.figures(Charts.single(r.result()));
    page.table(Tables.ratesAndErrors(r.result()));
    page.table(Tables.latency(r.result()));
    List<Table> faults = FaultTables.of(r.result());
    if (!faults.isEmpty()) {
      page.html.append("<h3 id=\"faults-").append(index + 1).append("\">Faults</h3>\n");
      faults.forEach(page::table);
    }
    Tables.baseline(r.result()).ifPresent(page::table);
    if (!set.isComparison()) {
      page.details("Environment", Tables.environment(List.of(r)));
      page.details("Scenario settings", Tables.settings(List.of(r)));
    }
    page.html.append("</section>\n");
  }

  private static void tck(List<NamedTckReport> reports, Page page) {
    page.html.append("<section id=\"tck\">\n<h2>TCK</h2>\n");
    warnings(EnvironmentCheck.tck(reports), page);
    for (NamedTckReport r : reports) {
      page.html.append("<p class=\"verdict ").append(r.report().verdict().name().toLowerCase(java.util.Locale.ROOT))
          .append("\">").append(esc(r.name())).append(": <b>").append(r.report().verdict().name()).append("</b> (")
          .append(r.report().counts().passed()).append(" passed, ").append(r.report().counts().failed())
          .append(" failed, ").append(r.report().counts().skipped()).append(" skipped of ")
          .append(r.report().counts().total()).append(")</p>\n");
    }
    page.table(TckTables.summary(reports));
    for (NamedTckReport r : reports) {
      List<TckRule> failed = r.report().rules().stream().filter(x -> x.status() == TckStatus.FAILED).toList();
      if (!failed.isEmpty()) {
        page.html.append("<h3 id=\"tck-failed-").append(esc(r.name())).append("\">Failed rules: ")
            .append(esc(r.name())).append("</h3>\n<ul class=\"failed-rules\">\n");
        for (TckRule x : failed) {
          page.html.append("<li><b>").append(esc(x.id())).append("</b> (").append(esc(String.valueOf(x.level())))
              .append(")<pre class=\"message\">").append(esc(x.message().orElse("(no message)"))).append("</pre></li>\n");
        }
        page.html.append("</ul>\n");
      }
    }
    if (reports.size() > 1) {
      page.table(TckTables.matrix(reports));
    }
    for (NamedTckReport r : reports) {
      page.html.append("<h3>Rules: ").append(esc(r.name())).append("</h3>\n");
      TckTables.rulesByArea(r).forEach(t -> page.details(t.title() + " (" + t.rows().size() + " rules)", t));
    }
    page.html.append("</section>\n");
  }

  private static void bench(BenchDocument b, int index, Page page) {
    page.html.append("<section id=\"bench-").append(index + 1).append("\">\n<h2>")
        .append(b.kind().equals("jmh") ? "JMH: " : "Bench: ").append(esc(b.name())).append("</h2>\n");
    if (!b.ratios().isEmpty()) {
      page.figures(List.of(new Figure("Ours / raw per entry and figure",
          "One bar per entry and figure; the dashed line is raw jnats (1\u00d7). n and ranges in the table.",
          RatioChart.render("Ours / raw per entry and figure", b.ratios(), Charts.WIDTH))));
    }
    for (int t = 0; t < b.tables().size(); t++) {
      if (t == 0) {
        page.table(b.tables().get(t));
      } else {
        page.details(b.tables().get(t).title(), b.tables().get(t));
      }
    }
    page.html.append("</section>\n");
  }

  private static void warnings(List<String> warnings, Page page) {
    for (String w : warnings) {
      page.html.append("<p class=\"warning\" role=\"alert\"><b>Warning:</b> ").append(esc(w)).append("</p>\n");
    }
  }

  /** The page being written, with its figure counter. */
  private static final class Page {
    final StringBuilder html = new StringBuilder(256 * 1024);
    int figure;

    void head(ReportSet set) {
      List<String> names = new ArrayList<>();
      set.results().forEach(r -> names.add(r.name()));
      set.tckReports().forEach(r -> names.add("TCK " + r.name()));
      html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .append("<title>micronats report: ").append(esc(String.join(", ", names))).append("</title>\n<style>\n")
          .append(Css.TEXT).append("</style>\n</head>\n<body>\n<header>\n<h1>micronats report</h1>\n");
      headline(set);
      html.append("<ul class=\"inputs\">\n");
      set.results().forEach(r -> html.append("<li>simulator result <b>").append(esc(r.name())).append("</b> from <code>")
          .append(esc(r.source())).append("</code></li>\n"));
      set.tckReports().forEach(r -> html.append("<li>TCK report <b>").append(esc(r.name())).append("</b> from <code>")
          .append(esc(r.source())).append("</code></li>\n"));
      html.append("</ul>\n<nav class=\"toc\">Contents:");
      if (set.isComparison()) {
        html.append(" <a href=\"#comparison\">Comparison</a>");
      }
      for (int i = 0; i < set.results().size(); i++) {
        html.append(" <a href=\"#result-").append(i + 1).append("\">").append(esc(set.results().get(i).name())).append("</a>");
      }
      if (!set.tckReports().isEmpty()) {
        html.append(" <a href=\"#tck\">TCK</a>");
      }
      for (int i = 0; i < set.benches().size(); i++) {
        html.append(" <a href=\"#bench-").append(i + 1).append("\">").append(esc(set.benches().get(i).name())).append("</a>");
      }
      html.append("</nav>\n</header>\n<main>\n");
    }

    void headline(ReportSet set) {
      html.append("<section id=\"headline\" class=\"headline\">\n<ul>\n");
      Headline.of(set).forEach(line -> html.append("<li>").append(esc(line)).append("</li>\n"));
      html.append("</ul>\n");
      if (set.isComparison()) {
        html.append("<p class=\"method\"><b>Method:</b> ").append(esc(io.micronats.reports.analysis.SideBySide.METHOD))
            .append("</p>\n");
      }
      html.append("</section>\n");
    }

    void details(String summary, Table t) {
      html.append("<details class=\"more\">\n<summary>").append(esc(summary)).append("</summary>\n");
      table(t);
      html.append("</details>\n");
    }

    void foot() {
      html.append("</main>\n<footer>Written by micronats reports. Latency in µs/ms/s; every figure states its run"
          + " count (n) and the spread over repetitions. Raw data: the input JSON files (encoded HdrHistograms).</footer>\n"
          + "</body>\n</html>\n");
    }

    void figures(List<Figure> figures) {
      boolean open = false;
      boolean openSmall = false;
      for (Figure f : figures) {
        if (f.isSentence()) {
          if (open) {
            html.append("</div>\n");
            open = false;
          }
          html.append("<p class=\"chart-note\"><b>").append(esc(f.title())).append(":</b> ").append(esc(f.caption()))
              .append("</p>\n");
          continue;
        }
        if (!open || openSmall != f.small()) {
          if (open) {
            html.append("</div>\n");
          }
          html.append("<div class=\"figures").append(f.small() ? " grid" : "").append("\">\n");
          open = true;
          openSmall = f.small();
        }
        figure++;
        html.append("<figure class=\"chart-figure\" id=\"figure-").append(figure).append("\">\n")
            .append(f.svg()).append("<figcaption><b>Figure ").append(figure).append(". ").append(esc(f.title()))
            .append(".</b> ").append(esc(f.caption())).append("</figcaption>\n</figure>\n");
      }
      if (open) {
        html.append("</div>\n");
      }
    }

    void table(Table t) {
      if (t.rows().isEmpty()) {
        html.append("<div class=\"table\">\n<h4>").append(esc(t.title())).append("</h4>\n<p class=\"caption\">")
            .append(esc(t.caption().isEmpty() ? "Nothing to show." : t.caption())).append(" Nothing to show.</p>\n</div>\n");
        return;
      }
      html.append("<div class=\"table\">\n<h4>").append(esc(t.title())).append("</h4>\n");
      if (!t.caption().isEmpty()) {
        html.append("<p class=\"caption\">").append(esc(t.caption())).append("</p>\n");
      }
      html.append("<table>\n<thead><tr>");
      for (int i = 0; i < t.header().size(); i++) {
        html.append("<th").append(t.isLeft(i) ? "" : " class=\"num\"").append('>').append(esc(t.header().get(i)))
            .append("</th>");
      }
      html.append("</tr></thead>\n<tbody>\n");
      for (List<Cell> row : t.rows()) {
        html.append("<tr>");
        for (int i = 0; i < row.size(); i++) {
          Cell c = row.get(i);
          List<String> classes = new ArrayList<>();
          if (!t.isLeft(i)) {
            classes.add("num");
            if (c.text().length() > PROSE_CHARS) {
              classes.add("prose"); // a sentence in a number column (an undecided mark's reason) wraps
            }
          }
          if (c.tone() != Cell.Tone.PLAIN) {
            classes.add(c.tone().name().toLowerCase(java.util.Locale.ROOT));
          }
          html.append("<td");
          if (!classes.isEmpty()) {
            html.append(" class=\"").append(String.join(" ", classes)).append('"');
          }
          if (!c.note().isEmpty()) {
            html.append(" title=\"").append(esc(c.note())).append('"');
          }
          html.append('>').append(esc(c.text())).append("</td>");
        }
        html.append("</tr>\n");
      }
      html.append("</tbody>\n</table>\n</div>\n");
    }
  }
}
