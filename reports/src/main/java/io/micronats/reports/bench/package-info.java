/**
 * Reading {@code bench.json} (kind {@code micronats-bench}) and JMH's {@code jmh.json} into tables
 * and ratio bars both renderers print; numeric figures are read generically, so a new figure in a
 * bench entry shows without code changes.
 */
@NullMarked
package io.micronats.reports.bench;

import org.jspecify.annotations.NullMarked;
