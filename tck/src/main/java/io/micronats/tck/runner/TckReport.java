package io.micronats.tck.runner;

import io.micronats.tck.Capability;
import io.micronats.tck.env.TestEnvironment;
import io.micronats.tck.rules.Level;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The conformance report of one TCK run: what was tested, with which settings, each rule's
 * outcome, and the verdict.
 *
 * <p>Immutable. The verdict is {@code COMPATIBLE} exactly when no REQUIRED rule failed and no
 * rule of a declared capability failed; RECOMMENDED failures and skips do not change it.
 * Written by {@link TckReportWriter}; the JSON schema is documented in {@code tck/TCK-REPORT-SCHEMA.md}.
 *
 * @param tckVersion the TCK's version
 * @param plugin the implementation's name
 * @param capabilities the declared capabilities
 * @param environment the effective timeouts and seed
 * @param startedAt when the run started
 * @param durationMillis how long it took
 * @param rules one result per catalogued rule
 */
public record TckReport(String tckVersion, String plugin, Set<Capability> capabilities, TestEnvironment environment,
    Instant startedAt, long durationMillis, List<RuleResult> rules) {

  public TckReport {
    capabilities = Set.copyOf(capabilities);
    rules = List.copyOf(rules);
  }

  /** {@code COMPATIBLE} or {@code NOT_COMPATIBLE}. */
  public String verdict() {
    for (RuleResult r : rules) {
      if (r.status() == RuleResult.Status.FAILED && (r.rule().level() == Level.REQUIRED
          || (r.rule().level() == Level.OPTIONAL && capabilities.contains(r.rule().capability())))) {
        return "NOT_COMPATIBLE";
      }
    }
    return "COMPATIBLE";
  }

  /** True when the verdict is COMPATIBLE. */
  public boolean compatible() {
    return verdict().equals("COMPATIBLE");
  }

  /** How many rules ended with {@code status}. */
  public long count(RuleResult.Status status) {
    return rules.stream().filter(r -> r.status() == status).count();
  }

  /** The TCK version from the jar's build, or {@code unknown}. */
  public static String currentVersion() {
    try (InputStream in = TckReport.class.getClassLoader().getResourceAsStream("io/micronats/tck/tck-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
