package io.micronats.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.nats.cluster.proxy.PartitionMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultSpecTest {
  private static final Duration S = Duration.ofSeconds(1);

  /** Names the visitor method that was called. */
  private static final class Names implements FaultSpec.Visitor<String> {
    @Override public String kill(FaultSpec.Kill f) { return "kill"; }
    @Override public String pause(FaultSpec.Pause f) { return "pause"; }
    @Override public String stop(FaultSpec.Stop f) { return "stop"; }
    @Override public String restart(FaultSpec.Restart f) { return "restart"; }
    @Override public String rollingRestart(FaultSpec.RollingRestart f) { return "rolling-restart"; }
    @Override public String lameDuck(FaultSpec.LameDuck f) { return "lame-duck"; }
    @Override public String killInstances(FaultSpec.KillInstances f) { return "kill-instances"; }
    @Override public String registryChurn(FaultSpec.RegistryChurn f) { return "registry-churn"; }
    @Override public String linkLatency(FaultSpec.LinkLatency f) { return "link-latency"; }
    @Override public String linkSilence(FaultSpec.LinkSilence f) { return "link-silence"; }
    @Override public String linkCut(FaultSpec.LinkCut f) { return "link-cut"; }
    @Override public String partition(FaultSpec.Partition f) { return "partition"; }
  }

  private static FaultSpec any(FaultKind kind) {
    FaultTarget target = kind.needsInstances() ? new FaultTarget.Instances(0.5) : new FaultTarget.Node(0);
    return kind == FaultKind.LINK_LATENCY
        ? new FaultSpec.LinkLatency("", target, S, S, Duration.ofMillis(5), Duration.ZERO, LinkSide.CLIENT, "")
        : FaultSpec.of(kind, target, S, S);
  }

  @Test
  void everyKindHasARecordOfThatKindAndItsOwnVisitorMethod() {
    for (FaultKind kind : FaultKind.values()) {
      FaultSpec spec = any(kind);
      assertThat(spec.kind()).isEqualTo(kind);
      assertThat(spec.accept(new Names())).isEqualTo(kind.scenarioName());
      assertThat(spec.name()).isEqualTo(kind.scenarioName() + "@1000ms");
      assertThat(spec.withName("x").withPhase("rpc")).satisfies(s -> {
        assertThat(s.name()).isEqualTo("x");
        assertThat(s.phase()).isEqualTo("rpc");
        assertThat(s.getClass()).isEqualTo(spec.getClass());
      });
    }
  }

  @Test
  void eachRecordChecksItsOwnFieldsNamingTheFieldFirst() {
    FaultTarget node = new FaultTarget.Node(0);
    assertThatThrownBy(() -> new FaultSpec.RegistryChurn("", new FaultTarget.Instances(1), S, S, 0, ""))
        .hasMessageStartingWith("rate:");
    assertThatThrownBy(() -> new FaultSpec.LinkLatency("", node, S, S, Duration.ZERO, Duration.ZERO,
        LinkSide.ROUTES, "")).hasMessageStartingWith("latency:");
    assertThatThrownBy(() -> new FaultSpec.LinkLatency("", node, S, S, Duration.ofMillis(-1), Duration.ZERO,
        LinkSide.ROUTES, "")).hasMessageStartingWith("latency: must not be negative");
    assertThatThrownBy(() -> new FaultSpec.Kill("", new FaultTarget.Pair(0, 1), S, S, ""))
        .hasMessageStartingWith("target:");
    assertThatThrownBy(() -> new FaultSpec.Pause("", node, S, Duration.ZERO, ""))
        .hasMessageStartingWith("duration:");
    assertThat(new FaultSpec.Partition("", new FaultTarget.Pair(0, 1), S, S, PartitionMode.SILENT, "").mode())
        .isEqualTo(PartitionMode.SILENT);
  }
}
