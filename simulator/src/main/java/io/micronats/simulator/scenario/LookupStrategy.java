package io.micronats.simulator.scenario;

import java.util.Locale;

/**
 * How a registry lookup decides it has its answer, mirroring the NATS registry's strategies.
 * The simulator passes it to the plugin as the {@code strategy} setting (NatsRegistry.STRATEGY).
 */
public enum LookupStrategy {
  /** go-micro's behaviour: always wait the whole query window. */
  FIXED_WINDOW,
  /** Return as soon as the expected answers arrived or the replies went quiet. */
  EARLY_COMPLETION,
  /** Answer from a watch-fed local cache, querying only on a miss. */
  CACHED;

  /** The scenario spelling: lower case with dashes ({@code early-completion}). */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
