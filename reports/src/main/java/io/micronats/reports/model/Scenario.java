package io.micronats.reports.model;

import java.util.Map;

/**
 * The scenario a run executed: its name and its raw settings, as the user gave them.
 *
 * <p>Immutable and thread-safe. Settings keep their insertion order; a JSON object without
 * {@code settings} reads as an empty map.
 *
 * @param name the scenario's name, for example {@code "rpc-knee"}
 * @param settings the raw settings (rate, duration, payload size, ...) as text
 */
public record Scenario(String name, Map<String, String> settings) {
  /** Validates the name and copies the settings. */
  public Scenario {
    Copies.text(name, "scenario.name");
    settings = Copies.map(settings, "scenario.settings");
  }

  /** A scenario without settings. */
  public static Scenario named(String name) {
    return new Scenario(name, Map.of());
  }
}
