package io.micronats.simulator.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.scenario.ScenarioParser;

/**
 * Carries a scenario from the coordinator to its agents: its resolved settings as JSON (YAML's
 * subset), parsed again on the agent with the same validation.
 *
 * <p>Stateless and thread-safe.
 */
public final class ScenarioCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScenarioCodec() {}

  /** The scenario's settings as JSON text. */
  public static String write(Scenario s) {
    try {
      return JSON.writeValueAsString(s.raw());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode scenario " + s.name() + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The scenario in {@code json}.
   *
   * @throws io.micronats.simulator.scenario.ScenarioException when the text is not a valid scenario
   */
  public static Scenario read(String json) {
    return ScenarioParser.parse(json, "distributed");
  }
}
