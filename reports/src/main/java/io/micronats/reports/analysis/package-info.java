/**
 * What both renderers compute from a {@link io.micronats.reports.ReportSet}: metric extraction
 * with run count and spread, side-by-side comparisons with ratios and the better side, environment
 * differences, percentile spectra recomputed from encoded histograms, and number formatting.
 *
 * <p>Everything here is deterministic: the same inputs give the same values in the same order.
 */
@NullMarked
package io.micronats.reports.analysis;

import org.jspecify.annotations.NullMarked;
