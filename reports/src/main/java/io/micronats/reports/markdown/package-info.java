/**
 * The Markdown report ({@code report.md}): the same tables as the HTML page, for a pull request or
 * a wiki. No charts.
 */
@NullMarked
package io.micronats.reports.markdown;

import org.jspecify.annotations.NullMarked;
