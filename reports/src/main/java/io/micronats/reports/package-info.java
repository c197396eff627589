/**
 * micronats reports: single and comparative reports of simulator results and TCK reports, as one
 * self-contained HTML page and as Markdown.
 *
 * <pre>{@code
 * // ./micronats report RESULTS.json... --out DIR
 * List<Path> written = Reports.write(List.of(Path.of("results.json")), Path.of("DIR"));
 * // DIR/index.html and DIR/report.md
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.micronats.reports.Reports}: the entry point; tells simulator results from TCK
 *       reports by their {@code kind}.</li>
 *   <li>{@link io.micronats.reports.ReportSet}: what one report shows; several simulator results
 *       make a comparison with the first as the baseline, several TCK reports a rules x plugins
 *       matrix.</li>
 *   <li>{@link io.micronats.reports.ReportRenderer} and {@link io.micronats.reports.ReportFormat}:
 *       one renderer per format ({@code html}, {@code markdown} packages), deterministic.</li>
 *   <li>{@code model}: the result records and their versioned JSON ({@code RESULTS-SCHEMA.md}).</li>
 *   <li>{@code analysis}: metrics with run count and spread, comparisons, tables.</li>
 * </ul>
 */
@NullMarked
package io.micronats.reports;

import org.jspecify.annotations.NullMarked;
