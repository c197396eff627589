package io.micronats.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {

  private static ScenarioException rejected(String yaml) {
    return assertThrows(ScenarioException.class, () -> ScenarioParser.parse(yaml, "t"));
  }

  @Test
  void emptyScenarioGetsTheDocumentedDefaults() {
    Scenario s = ScenarioParser.parse("", "t");
    assertThat(s.name()).isEqualTo("t");
    assertThat(s.implementation()).isEqualTo("nats");
    assertThat(s.layout().nodes()).isEqualTo(3);
    assertThat(s.layout().clientNodes()).containsExactly(0);
    assertThat(s.layout().serviceNodes()).containsExactly(1, 2);
    assertThat(s.layout().crossesRoutes()).isTrue();
    assertThat(s.fleet().services()).isEqualTo(1000);
    assertThat(s.registry().strategy()).isEqualTo(LookupStrategy.EARLY_COMPLETION);
    assertThat(s.registry().window()).isEqualTo(Duration.ofMillis(100));
    assertThat(s.workloads().rpc().mode()).isEqualTo(RpcSpec.Mode.OPEN);
    assertThat(s.workloads().discovery().strategies()).containsExactly(LookupStrategy.values());
  }

  @Test
  void fieldsAreReadWithUnitsAndEnumSpellings() {
    Scenario s = ScenarioParser.parse("""
        name: x
        implementation: memory
        seed: 7
        layout: {nodes: 2, placement: {clients: [1], services: [0]}}
        fleet:
          services: 20
          handlerLatency: {distribution: uniform, min: 1ms, max: 2.5ms}
        registry: {strategy: fixed-window, window: 250ms}
        phases: {warmup: 500ms, measured: 2s, cooldown: 0s}
        workloads:
          rpc: {mode: closed, maxInFlight: 8, phases: {measured: 1m}}
          broker: {enabled: false}
        """, "ignored");
    assertThat(s.name()).isEqualTo("x");
    assertThat(s.seed()).isEqualTo(7);
    assertThat(s.layout().clientNodes()).containsExactly(1);
    assertThat(s.fleet().handlerLatency().max()).isEqualTo(Duration.ofMillis(2).plusNanos(500_000));
    assertThat(s.registry().strategy()).isEqualTo(LookupStrategy.FIXED_WINDOW);
    assertThat(s.workloads().rpc().mode()).isEqualTo(RpcSpec.Mode.CLOSED);
    assertThat(s.workloads().rpc().phases().measured()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.workloads().rpc().phases().warmup()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.workloads().discovery().phases().measured()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.workloads().broker().enabled()).isFalse();
    assertThat(s.raw()).containsKey("fleet");
  }

  @Test
  void valueBelowTheMinimumNamesTheFieldAndTheValue() {
    assertThat(rejected("fleet: {services: 0}").getMessage()).isEqualTo("fleet.services: must be >= 1, was 0");
  }

  @Test
  void unknownFieldIsRejectedWithItsPath() {
    ScenarioException e = rejected("fleet:\n  servicez: 10\n");
    assertThat(e.path()).isEqualTo("fleet.servicez");
    assertThat(e.getMessage()).startsWith("fleet.servicez: unknown field").contains("services");
  }

  @Test
  void unknownTopLevelFieldIsRejected() {
    assertThat(rejected("worklods: {}").getMessage()).startsWith("worklods: unknown field");
  }

  @Test
  void wrongTypeNamesTheExpectedType() {
    assertThat(rejected("fleet: {services: many}").getMessage())
        .isEqualTo("fleet.services: must be an integer, was 'many'");
    assertThat(rejected("workloads: {rpc: {enabled: yes please}}").getMessage())
        .startsWith("workloads.rpc.enabled: must be true or false");
  }

  @Test
  void durationWithoutUnitIsRejected() {
    assertThat(rejected("phases: {measured: 10}").getMessage())
        .startsWith("phases.measured: must be a duration with a unit");
    assertThat(rejected("registry: {window: soon}").getMessage()).startsWith("registry.window: must be a duration");
  }

  @Test
  void badEnumListsTheAllowedValues() {
    assertThat(rejected("registry: {strategy: fastest}").getMessage())
        .isEqualTo("registry.strategy: must be one of fixed-window, early-completion, cached, was 'fastest'");
  }

  @Test
  void listItemErrorsNameTheIndex() {
    assertThat(rejected("workloads: {rpc: {sweep: [100, -5]}}").getMessage())
        .isEqualTo("workloads.rpc.sweep[1]: must be >= 0.1, was -5");
  }

  @Test
  void placementOnAMissingNodeIsRejected() {
    assertThat(rejected("layout: {nodes: 2, placement: {services: [1, 2]}}").getMessage())
        .isEqualTo("layout.placement.services[1]: must be a node index below layout.nodes (2), was 2");
  }

  @Test
  void externalBackendNeedsUrls() {
    assertThat(rejected("layout: {backend: external}").getMessage()).startsWith("layout.urls: must list");
    assertThat(rejected("layout: {backend: external, urls: [localhost:4222]}").getMessage())
        .startsWith("layout.urls[0]: must be a URL");
  }

  @Test
  void uniformLatencyNeedsMaxAtLeastMin() {
    assertThat(rejected("fleet: {handlerLatency: {distribution: uniform, min: 5ms, max: 1ms}}").getMessage())
        .isEqualTo("fleet.handlerLatency.max: must be >= min (5ms), was 1ms");
  }

  @Test
  void notYamlAtAllIsRejected() {
    assertThat(rejected("fleet: [unclosed").getMessage()).startsWith("not valid YAML");
    assertThat(rejected("- a\n- b\n").getMessage()).startsWith("(top level): a scenario must be a mapping");
  }

  @Test
  void everyExampleScenarioParses() throws IOException {
    Path dir = Path.of("scenarios");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(4);
    for (Path f : files) {
      Scenario s = ScenarioParser.parse(f);
      assertThat(s.name()).as(f.toString()).isNotBlank();
    }
  }

  @Test
  void demoScenarioFileIsTheDefaultScenario() {
    Scenario file = ScenarioParser.parse(Path.of("scenarios", "demo.yaml"));
    Scenario defaults = ScenarioParser.defaults();
    assertThat(file.fleet()).isEqualTo(defaults.fleet());
    assertThat(file.layout()).isEqualTo(defaults.layout());
    assertThat(file.workloads()).isEqualTo(defaults.workloads());
    assertThat(file.registry()).isEqualTo(defaults.registry());
  }
}
