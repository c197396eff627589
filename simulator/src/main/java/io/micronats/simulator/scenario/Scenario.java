package io.micronats.simulator.scenario;

import java.util.Map;
import java.util.Objects;

/**
 * A validated scenario: what to start, what load to apply and what to measure. Immutable; built
 * by {@link ScenarioParser} from YAML (with defaults for every absent field).
 *
 * <pre>{@code
 * Scenario s = ScenarioParser.parse(Path.of("simulator/scenarios/demo.yaml"));
 * }</pre>
 *
 * @param name the scenario's name, used in results and file names
 * @param description one free sentence
 * @param seed seed of every random choice (target services, handler latencies)
 * @param implementation plugin name under test ({@code nats}, {@code memory}, or any ServiceLoader name)
 * @param layout servers and placement
 * @param fleet fake services
 * @param registry registry settings
 * @param workloads the workloads
 * @param pluginSettings extra settings passed to every plugin instance
 * @param raw the scenario as parsed, with defaults filled in, for the results file
 * @param faults faults injected during the run ({@code faults:}), none by default
 */
public record Scenario(String name, String description, long seed, String implementation, Layout layout, Fleet fleet,
    RegistrySettings registry, Workloads workloads, Map<String, String> pluginSettings, Map<String, Object> raw, FaultSchedule faults) {
  /** Copies the maps. */
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(implementation, "implementation");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(fleet, "fleet");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(workloads, "workloads");
    pluginSettings = Map.copyOf(pluginSettings);
    raw = Map.copyOf(raw);
    Objects.requireNonNull(faults, "faults");
  }

  /** A scenario without faults. */
  public Scenario(String name, String description, long seed, String implementation, Layout layout, Fleet fleet,
      RegistrySettings registry, Workloads workloads, Map<String, String> pluginSettings, Map<String, Object> raw) {
    this(name, description, seed, implementation, layout, fleet, registry, workloads, pluginSettings, raw,
        FaultSchedule.NONE);
  }

  /** This scenario with other faults. */
  public Scenario withFaults(FaultSchedule newFaults) {
    return new Scenario(name, description, seed, implementation, layout, fleet, registry, workloads, pluginSettings,
        raw, newFaults);
  }

  /** This scenario with another fleet. */
  public Scenario withFleet(Fleet newFleet) {
    return new Scenario(name, description, seed, implementation, layout, newFleet, registry, workloads, pluginSettings,
        raw, faults);
  }

  /** True when the implementation under test talks to NATS servers. */
  public boolean needsNats() {
    return !implementation.equals("memory");
  }
}
