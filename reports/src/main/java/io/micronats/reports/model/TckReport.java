package io.micronats.reports.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A TCK report ({@code tck-report.json}, written by the TCK's runner): one plugin's verdict, the
 * rule counts and every rule's outcome. Read it with {@link TckReportReader}; this module never
 * writes one.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tckVersion the TCK's version
 * @param plugin the plugin checked, for example {@code "nats"}
 * @param capabilities the capabilities the plugin declared
 * @param environment the TCK's settings and machine (timeouts, seed, java, os, cores), as read
 * @param startedAt when the TCK run started
 * @param durationMillis how long it took
 * @param verdict the overall verdict
 * @param counts the rule counts
 * @param rules every rule in report order
 */
public record TckReport(
    String tckVersion, String plugin, List<String> capabilities, Map<String, Object> environment,
    Instant startedAt, long durationMillis, TckVerdict verdict, TckCounts counts, List<TckRule> rules) {
  /** Validates and copies. */
  public TckReport {
    Objects.requireNonNull(tckVersion, "tckVersion");
    Copies.text(plugin, "plugin");
    capabilities = Copies.list(capabilities, "capabilities");
    environment = Copies.map(environment, "environment");
    Objects.requireNonNull(startedAt, "startedAt");
    Copies.nonNegative(durationMillis, "durationMillis");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(counts, "counts");
    rules = Copies.list(rules, "rules");
  }
}
