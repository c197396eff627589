package io.micronats.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultScheduleTest {

  @Test
  void kindsHaveScenarioNamesAndUnknownNamesListTheKnownOnes() {
    assertThat(FaultKind.fromScenarioName("rolling-restart")).isEqualTo(FaultKind.ROLLING_RESTART);
    assertThat(FaultKind.fromScenarioName("LINK_SILENCE")).isEqualTo(FaultKind.LINK_SILENCE);
    assertThatThrownBy(() -> FaultKind.fromScenarioName("explode"))
        .hasMessageContaining("explode").hasMessageContaining("kill").hasMessageContaining("partition");
  }

  @Test
  void specsNameTheFieldThatIsWrong() {
    assertThatThrownBy(() -> FaultSpec.of(FaultKind.PAUSE, new FaultTarget.Node(0), Duration.ZERO, Duration.ZERO))
        .hasMessageStartingWith("duration:");
    assertThatThrownBy(() -> FaultSpec.of(FaultKind.KILL, new FaultTarget.Instances(0.5), Duration.ZERO, Duration.ZERO))
        .hasMessageStartingWith("target:");
    assertThatThrownBy(() -> FaultSpec.of(FaultKind.LINK_LATENCY, new FaultTarget.Node(0), Duration.ZERO,
        Duration.ofSeconds(1))).hasMessageStartingWith("latency:");
    assertThatThrownBy(() -> new FaultTarget.Nodes(1.5)).hasMessageContaining("fraction");
    assertThat(FaultSpec.of(FaultKind.KILL, new FaultTarget.Node(1), Duration.ofSeconds(3), Duration.ZERO).name())
        .isEqualTo("kill@3000ms");
  }

  @Test
  void scheduleIsSortedAndCheckedAgainstTheRunWithFieldPaths() {
    FaultSchedule s = FaultSchedule.of(
        FaultSpec.of(FaultKind.PARTITION, new FaultTarget.Pair(0, 4), Duration.ofSeconds(5), Duration.ofSeconds(1)),
        FaultSpec.of(FaultKind.KILL, new FaultTarget.Node(3), Duration.ofSeconds(1), Duration.ZERO),
        FaultSpec.of(FaultKind.KILL_INSTANCES, new FaultTarget.Instances(0.1), Duration.ofSeconds(2), Duration.ZERO));

    assertThat(s.faults()).extracting(FaultSpec::kind)
        .containsExactly(FaultKind.KILL, FaultKind.KILL_INSTANCES, FaultKind.PARTITION);
    assertThat(s.problems(3, false, false)).containsExactly(
        "faults[0].target: node 3 does not exist; the layout has 3 nodes (0..2)",
        "faults[1].kind: kill-instances needs a fleet of fake services",
        "faults[2].kind: partition needs link proxies (layout.linkProxies: true on a local cluster)",
        "faults[2].target: nodes 0 and 4 do not both exist; the layout has 3 nodes");
    assertThat(s.problems(0, false, true)).first().asString()
        .startsWith("faults[0].kind: kill needs a local cluster");
  }
}
