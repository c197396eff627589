package io.micronats.tck.runner;

import io.micronats.tck.Capability;
import io.micronats.tck.rules.Area;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Writes a {@link TckReport} as {@code tck-report.json} (schema version {@value #SCHEMA_VERSION},
 * documented in {@code tck/TCK-REPORT-SCHEMA.md}) and {@code tck-report.md}.
 *
 * <p>Stateless and thread-safe.
 */
public final class TckReportWriter {

  /** The JSON schema version written. */
  public static final int SCHEMA_VERSION = 1;

  private TckReportWriter() {}

  /** Writes both files into {@code dir}, creating it; returns the JSON file. */
  public static Path write(TckReport report, Path dir) throws IOException {
    return write(report, dir, null);
  }

  /** Writes both files into {@code dir}, with this exact rerun command in the Markdown; returns the JSON file. */
  public static Path write(TckReport report, Path dir, @org.jspecify.annotations.Nullable String rerun) throws IOException {
    Files.createDirectories(dir);
    Path json = dir.resolve("tck-report.json");
    Files.writeString(json, json(report), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("tck-report.md"), markdown(report, rerun), StandardCharsets.UTF_8);
    return json;
  }

  /** The report as JSON text. */
  public static String json(TckReport report) {
    StringBuilder b = new StringBuilder(16_384);
    b.append("{\n");
    b.append("  \"schemaVersion\": ").append(SCHEMA_VERSION).append(",\n");
    b.append("  \"kind\": \"micronats-tck-report\",\n");
    b.append("  \"tckVersion\": ").append(str(report.tckVersion())).append(",\n");
    b.append("  \"plugin\": ").append(str(report.plugin())).append(",\n");
    b.append("  \"capabilities\": [");
    List<Capability> caps = report.capabilities().stream().sorted().toList();
    for (int i = 0; i < caps.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(str(caps.get(i).name()));
    }
    b.append("],\n");
    var env = report.environment();
    b.append("  \"environment\": {\"timeoutMultiplier\": ").append(env.multiplier())
        .append(", \"waitTimeoutMillis\": ").append(env.waitTimeout().toMillis())
        .append(", \"quietWindowMillis\": ").append(env.quietWindow().toMillis())
        .append(", \"seed\": ").append(env.seed())
        .append(", \"java\": ").append(str(System.getProperty("java.version", "unknown")))
        .append(", \"os\": ").append(str(System.getProperty("os.name", "unknown")))
        .append(", \"cores\": ").append(Runtime.getRuntime().availableProcessors()).append("},\n");
    b.append("  \"startedAt\": ").append(str(report.startedAt().toString())).append(",\n");
    b.append("  \"durationMillis\": ").append(report.durationMillis()).append(",\n");
    b.append("  \"verdict\": ").append(str(report.verdict())).append(",\n");
    b.append("  \"counts\": {\"total\": ").append(report.rules().size())
        .append(", \"passed\": ").append(report.count(RuleResult.Status.PASSED))
        .append(", \"failed\": ").append(report.count(RuleResult.Status.FAILED))
        .append(", \"skipped\": ").append(report.count(RuleResult.Status.SKIPPED)).append("},\n");
    b.append("  \"rules\": [\n");
    List<RuleResult> rules = report.rules();
    for (int i = 0; i < rules.size(); i++) {
      RuleResult r = rules.get(i);
      b.append("    {\"id\": ").append(str(r.rule().id()))
          .append(", \"area\": ").append(str(r.rule().area().reportName()))
          .append(", \"level\": ").append(str(r.rule().level().name()))
          .append(", \"capability\": ").append(r.rule().capability() == null ? "null" : str(r.rule().capability().name()))
          .append(", \"statement\": ").append(str(r.rule().statement()))
          .append(", \"status\": ").append(str(r.status().name()))
          .append(", \"message\": ").append(r.message() == null ? "null" : str(r.message()))
          .append(", \"durationMillis\": ").append(r.durationMillis())
          .append('}').append(i + 1 < rules.size() ? ",\n" : "\n");
    }
    b.append("  ]\n}\n");
    return b.toString();
  }

  /** The report as Markdown. */
  public static String markdown(TckReport report) {
    return markdown(report, null);
  }

  /** The report as Markdown; {@code rerun} (when given) is the command that reruns the run exactly. */
  public static String markdown(TckReport report, @org.jspecify.annotations.Nullable String rerun) {
    StringBuilder b = new StringBuilder(16_384);
    b.append("# micronats TCK report: ").append(report.plugin()).append("\n\n");
    b.append("**Verdict: ").append(report.verdict()).append("** (")
        .append(report.count(RuleResult.Status.PASSED)).append(" passed, ")
        .append(report.count(RuleResult.Status.FAILED)).append(" failed, ")
        .append(report.count(RuleResult.Status.SKIPPED)).append(" skipped of ").append(report.rules().size())
        .append(" rules)\n\n");
    b.append("- TCK version: ").append(report.tckVersion()).append('\n');
    b.append("- Declared capabilities: ").append(report.capabilities().isEmpty() ? "none"
        : report.capabilities().stream().sorted().map(Enum::name).toList()).append('\n');
    b.append("- Environment: ").append(report.environment().describe()).append('\n');
    b.append("- Started: ").append(report.startedAt()).append(", took ").append(report.durationMillis()).append(" ms\n");
    if (rerun != null) {
      b.append("- Rerun: `").append(rerun).append("`\n\n");
    } else {
      b.append("- Rerun: `./micronats tck --plugin ").append(report.plugin());
      report.capabilities().stream().sorted().forEach(c -> b.append(" --capability ").append(c.name()));
      b.append(" --seed ").append(report.environment().seed()).append(" --out DIR`\n\n");
    }
    b.append("A rule fails the verdict when it is REQUIRED, or OPTIONAL with a declared capability. "
        + "RECOMMENDED failures are findings only.\n");
    for (Area area : Area.values()) {
      List<RuleResult> rows = report.rules().stream().filter(r -> r.rule().area() == area).toList();
      if (rows.isEmpty()) {
        continue;
      }
      b.append("\n## ").append(area.reportName().substring(0, 1).toUpperCase(Locale.ROOT))
          .append(area.reportName().substring(1)).append("\n\n");
      b.append("| Rule | Level | Status | Statement | Message |\n|---|---|---|---|---|\n");
      for (RuleResult r : rows) {
        String level = r.rule().level().name() + (r.rule().capability() == null ? "" : " (" + r.rule().capability() + ")");
        b.append("| ").append(r.rule().id()).append(" | ").append(level).append(" | ")
            .append(r.status() == RuleResult.Status.FAILED ? "**FAILED**" : r.status().name()).append(" | ")
            .append(cell(r.rule().statement())).append(" | ").append(cell(firstLine(r.message()))).append(" |\n");
      }
    }
    List<RuleResult> failed = report.rules().stream().filter(r -> r.status() == RuleResult.Status.FAILED).toList();
    if (!failed.isEmpty()) {
      b.append("\n## Failures\n");
      for (RuleResult r : failed) {
        b.append("\n### ").append(r.rule().id()).append("\n\n```\n").append(r.message()).append("\n```\n");
      }
    }
    return b.toString();
  }

  private static String firstLine(@Nullable String text) {
    if (text == null) {
      return "";
    }
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  private static String cell(String text) {
    String s = text.replace("|", "\\|").replace("\n", " ");
    return s.length() > 300 ? s.substring(0, 297) + "..." : s;
  }

  /** A JSON string literal. */
  static String str(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
