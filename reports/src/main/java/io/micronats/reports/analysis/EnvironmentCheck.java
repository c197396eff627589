package io.micronats.reports.analysis;

import io.micronats.reports.NamedResult;
import io.micronats.reports.NamedTckReport;
import io.micronats.reports.model.Environment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The warnings a comparison page must show when its inputs come from different machines or
 * versions: one sentence per differing field, naming each input's value.
 *
 * <p>Stateless and thread-safe.
 */
public final class EnvironmentCheck {
  private EnvironmentCheck() {}

  /** Differences in java, jnats, nats-server, cores, os or hostname between simulator results. */
  public static List<String> results(List<NamedResult> results) {
    List<String> warnings = new ArrayList<>();
    add(warnings, results, "Java version", Environment::java);
    add(warnings, results, "jnats version", Environment::jnats);
    add(warnings, results, "nats-server version", Environment::natsServer);
    add(warnings, results, "core count", e -> Integer.toString(e.cores()));
    add(warnings, results, "operating system", Environment::os);
    add(warnings, results, "machine (hostname)", Environment::hostname);
    return warnings;
  }

  /** Differences in TCK version, java, os or cores between TCK reports. */
  public static List<String> tck(List<NamedTckReport> reports) {
    List<String> warnings = new ArrayList<>();
    addTck(warnings, reports, "TCK version", r -> r.report().tckVersion());
    for (String key : List.of("java", "os", "cores", "timeoutMultiplier")) {
      addTck(warnings, reports, key, r -> String.valueOf(r.report().environment().getOrDefault(key, "?")));
    }
    return warnings;
  }

  private static void add(List<String> warnings, List<NamedResult> results, String what,
      Function<Environment, String> field) {
    Map<String, String> byName = new LinkedHashMap<>();
    results.forEach(r -> byName.put(r.name(), field.apply(r.result().environment())));
    warn(warnings, what, byName);
  }

  private static void addTck(List<String> warnings, List<NamedTckReport> reports, String what,
      Function<NamedTckReport, String> field) {
    Map<String, String> byName = new LinkedHashMap<>();
    reports.forEach(r -> byName.put(r.name(), field.apply(r)));
    warn(warnings, what, byName);
  }

  private static void warn(List<String> warnings, String what, Map<String, String> byName) {
    if (byName.values().stream().distinct().count() > 1) {
      StringBuilder sb = new StringBuilder("Different ").append(what).append(": ");
      String sep = "";
      for (Map.Entry<String, String> e : byName.entrySet()) {
        sb.append(sep).append(e.getKey()).append(" = ").append(e.getValue());
        sep = "; ";
      }
      warnings.add(sb.append(". The numbers are not directly comparable.").toString());
    }
  }
}
