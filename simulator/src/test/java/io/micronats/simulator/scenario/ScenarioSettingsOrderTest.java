package io.micronats.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scenario keeps its settings in the order they were declared, so that results.json lists them
 * the same way in every JVM (a {@code Map.copyOf} orders by a per-JVM hash salt).
 */
class ScenarioSettingsOrderTest {
  /** Twelve keys in an order no hash would keep by chance (1 in 12!). */
  private static final List<String> DECLARED = List.of("zeta", "alpha", "mu", "beta", "omega", "kappa", "delta",
      "sigma", "eta", "pi", "gamma", "tau");

  private static String yaml() {
    StringBuilder b = new StringBuilder("name: ordered\nimplementation: memory\nplugin:\n");
    DECLARED.forEach(k -> b.append("  ").append(k).append(": v-").append(k).append('\n'));
    return b.toString();
  }

  @Test
  void pluginSettingsAndTheRawScenarioKeepTheDeclaredOrder() {
    Scenario s = ScenarioParser.parse(yaml(), "t");

    assertThat(s.pluginSettings().keySet()).containsExactlyElementsOf(DECLARED);
    assertThat(s.pluginSettings()).containsEntry("zeta", "v-zeta");
    assertThat(s.raw().keySet()).containsSubsequence("name", "description", "seed", "implementation", "layout",
        "fleet", "registry", "plugin");
    assertThat(((Map<?, ?>) s.raw().get("plugin")).keySet().stream().map(String::valueOf).toList())
        .containsExactlyElementsOf(DECLARED);
  }

  @Test
  void copiesThroughTheBuilderKeepTheOrderAndStayUnmodifiable() {
    Scenario s = ScenarioParser.parse(yaml(), "t").withFleet(Fleet.builder().services(3).build());

    assertThat(s.pluginSettings().keySet()).containsExactlyElementsOf(DECLARED);
    assertThat(s.fleet().services()).isEqualTo(3);
    assertThatThrownBy(() -> s.pluginSettings().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
