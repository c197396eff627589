package io.micronats.simulator.cli;

import io.micronats.simulator.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies command-line overrides to a parsed scenario. Stateless.
 */
final class ScenarioOverrides {
  private ScenarioOverrides() {}

  static Scenario implementation(Scenario s, String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("--implementation must name a plugin");
    }
    Map<String, Object> raw = new LinkedHashMap<>(s.raw());
    raw.put("implementation", name);
    return s.toBuilder().implementation(name).raw(raw).build();
  }
}
