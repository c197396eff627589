package io.micronats.simulator.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
  /** Copies the maps, keeping their order (results.json lists settings as declared). */
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(implementation, "implementation");
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(fleet, "fleet");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(workloads, "workloads");
    pluginSettings = ordered(pluginSettings);
    raw = ordered(raw);
    Objects.requireNonNull(faults, "faults");
  }

  /** A builder; name, layout, fleet, registry and workloads have no default. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this scenario's values. */
  public Builder toBuilder() {
    return new Builder().name(name).description(description).seed(seed).implementation(implementation)
        .layout(layout).fleet(fleet).registry(registry).workloads(workloads).pluginSettings(pluginSettings)
        .raw(raw).faults(faults);
  }

  /** This scenario with other faults. */
  public Scenario withFaults(FaultSchedule newFaults) {
    return toBuilder().faults(newFaults).build();
  }

  /** This scenario with another fleet. */
  public Scenario withFleet(Fleet newFleet) {
    return toBuilder().fleet(newFleet).build();
  }

  /** An unmodifiable copy in insertion order; null keys and values are refused, as by Map.copyOf. */
  private static <V> Map<String, V> ordered(Map<String, V> map) {
    Map<String, V> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, k)));
    return Collections.unmodifiableMap(copy);
  }

  /** True when the implementation under test talks to NATS servers. */
  public boolean needsNats() {
    return !implementation.equals("memory");
  }

  /** Builds a {@link Scenario}. Not thread-safe. */
  public static final class Builder {
    private @Nullable String name;
    private String description = "";
    private long seed = 1L;
    private String implementation = "nats";
    private @Nullable Layout layout;
    private @Nullable Fleet fleet;
    private @Nullable RegistrySettings registry;
    private @Nullable Workloads workloads;
    private Map<String, String> pluginSettings = Map.of();
    private Map<String, Object> raw = Map.of();
    private FaultSchedule faults = FaultSchedule.NONE;

    private Builder() { }

    /** See {@link Scenario#name()}. */
    public Builder name(String v) {
      name = v;
      return this;
    }

    /** See {@link Scenario#description()}; empty by default. */
    public Builder description(String v) {
      description = v;
      return this;
    }

    /** See {@link Scenario#seed()}; 1 by default. */
    public Builder seed(long v) {
      seed = v;
      return this;
    }

    /** See {@link Scenario#implementation()}; {@code nats} by default. */
    public Builder implementation(String v) {
      implementation = v;
      return this;
    }

    /** See {@link Scenario#layout()}. */
    public Builder layout(Layout v) {
      layout = v;
      return this;
    }

    /** See {@link Scenario#fleet()}. */
    public Builder fleet(Fleet v) {
      fleet = v;
      return this;
    }

    /** See {@link Scenario#registry()}. */
    public Builder registry(RegistrySettings v) {
      registry = v;
      return this;
    }

    /** See {@link Scenario#workloads()}. */
    public Builder workloads(Workloads v) {
      workloads = v;
      return this;
    }

    /** See {@link Scenario#pluginSettings()}; none by default. */
    public Builder pluginSettings(Map<String, String> v) {
      pluginSettings = v;
      return this;
    }

    /** See {@link Scenario#raw()}; empty by default. */
    public Builder raw(Map<String, Object> v) {
      raw = v;
      return this;
    }

    /** See {@link Scenario#faults()}; none by default. */
    public Builder faults(FaultSchedule v) {
      faults = v;
      return this;
    }

    /** The scenario; a missing name, layout, fleet, registry or workloads is a NullPointerException. */
    public Scenario build() {
      return new Scenario(Objects.requireNonNull(name, "name"), description, seed, implementation,
          Objects.requireNonNull(layout, "layout"), Objects.requireNonNull(fleet, "fleet"),
          Objects.requireNonNull(registry, "registry"), Objects.requireNonNull(workloads, "workloads"),
          pluginSettings, raw, faults);
    }
  }
}
