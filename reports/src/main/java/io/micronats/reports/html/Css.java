package io.micronats.reports.html;

/** The page's inline style sheet: readable on screen and on paper (no dark fills, no breaks inside figures). */
final class Css {
  static final String TEXT = """
      :root { color-scheme: light; }
      body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1a1a1a;
             background: #ffffff; margin: 0 auto; max-width: 1120px; padding: 16px 24px; line-height: 1.4; }
      h1 { font-size: 1.6em; margin: 0.2em 0; }
      h2 { font-size: 1.3em; border-bottom: 2px solid #0072B2; padding-bottom: 2px; margin-top: 1.8em; }
      h3 { font-size: 1.1em; margin-top: 1.4em; }
      h4 { font-size: 1em; margin: 1.2em 0 0.2em; }
      code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.92em; }
      .inputs { margin: 0.2em 0; padding-left: 1.2em; }
      .toc a { margin-left: 0.6em; }
      .meta, .caption { color: #444; margin: 0.2em 0 0.5em; font-size: 0.92em; }
      .warning { background: #fff4d6; border-left: 5px solid #E69F00; padding: 8px 12px; }
      .verdict { font-size: 1.05em; padding: 6px 10px; border-left: 5px solid #999; }
      .verdict.compatible { background: #e6f4ea; border-color: #009E73; }
      .verdict.not_compatible { background: #fde8e8; border-color: #D55E00; }
      .figures.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 8px; }
      figure { margin: 14px 0; break-inside: avoid; page-break-inside: avoid; }
      figure svg { max-width: 100%; height: auto; display: block; border: 1px solid #e3e3e3; }
      figcaption { font-size: 0.88em; color: #333; margin-top: 4px; max-width: 760px; }
      p.chart-note { max-width: 760px; }
      .table { overflow-x: auto; break-inside: avoid; page-break-inside: avoid; }
      table { border-collapse: collapse; font-size: 0.86em; margin-bottom: 0.6em; }
      th, td { border: 1px solid #d0d0d0; padding: 3px 7px; vertical-align: top; text-align: left; }
      th { background: #f2f2f2; }
      td.num, th.num { text-align: right; white-space: nowrap; }
      td.good { background: #e6f4ea; }
      td.bad { background: #fde8e8; font-weight: 600; }
      td.warn { background: #fff4d6; }
      td.muted { color: #777; }
      td.num.prose { white-space: normal; text-align: left; min-width: 14em; }
      footer { margin-top: 2em; color: #555; font-size: 0.85em; border-top: 1px solid #ddd; padding-top: 6px; }
      @media print {
        body { max-width: none; padding: 0; font-size: 10pt; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        .toc { display: none; }
        a { color: inherit; text-decoration: none; }
        .figures.grid { display: block; }
        h2 { break-after: avoid; page-break-after: avoid; }
      }
      """;

  private Css() {}
}
