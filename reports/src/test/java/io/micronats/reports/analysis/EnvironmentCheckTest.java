package io.micronats.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.reports.Fixtures;
import io.micronats.reports.NamedResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentCheckTest {
  @Test
  void sameMachineAndVersionsGiveNoWarning() {
    assertThat(EnvironmentCheck.results(List.of(new NamedResult("a", "a", Fixtures.THREE_NODES),
        new NamedResult("b", "b", Fixtures.ONE_NODE)))).isEmpty();
  }

  @Test
  void anotherMachineIsNamedWithEachInputsValue() {
    List<String> warnings = EnvironmentCheck.results(List.of(new NamedResult("a", "a", Fixtures.THREE_NODES),
        new NamedResult("b", "b", Fixtures.onHost(Fixtures.ONE_NODE, "laptop", 8))));
    assertThat(warnings).containsExactly(
        "Different core count: a = 2; b = 8. The numbers are not directly comparable.",
        "Different machine (hostname): a = bench-vm-1; b = laptop. The numbers are not directly comparable.");
  }
}
