/**
 * The result model: simulator results ({@link io.micronats.reports.model.RunResult}, written as
 * {@code results.json} by {@link io.micronats.reports.model.ResultsWriter} and read by
 * {@link io.micronats.reports.model.ResultsReader}) and TCK reports
 * ({@link io.micronats.reports.model.TckReport}, read by
 * {@link io.micronats.reports.model.TckReportReader}).
 *
 * <p>Every file carries a top-level {@code kind} and {@code schemaVersion}. Readers accept every
 * older version and reject a newer one with
 * {@link io.micronats.reports.model.UnsupportedSchemaVersionException}. The schema is documented
 * in {@code reports/RESULTS-SCHEMA.md}.
 *
 * <p>Units: latency summaries in microseconds ({@code double}), encoded HdrHistograms in
 * nanoseconds, rates per second, durations as ISO-8601 ({@code "PT30S"}), instants as ISO-8601 UTC.
 *
 * <p>Every type here is an immutable record or enum (thread-safe), except the builders.
 */
@NullMarked
package io.micronats.reports.model;

import org.jspecify.annotations.NullMarked;
