package io.micronats.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micronats.nats.cluster.proxy.PartitionMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultScheduleReaderTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static FaultSchedule read(String yaml) throws Exception {
    JsonNode root = YAML.readTree(yaml);
    return FaultScheduleReader.read(root.get("faults"), "faults");
  }

  @Test
  void readsEveryTargetAndField() throws Exception {
    FaultSchedule s = read("""
        faults:
          - {kind: kill, node: 1, at: 4s, phase: rpc}
          - {name: slow, kind: link-latency, nodes: 1.0, at: 1s, duration: 2s, latency: 50ms, jitter: 10ms, links: routes}
          - {kind: partition, pair: [0, 2], at: 6s, duration: 3s, mode: silent}
          - {kind: registry-churn, instances: 0.1, at: 8s, duration: 2s, rate: 20}
        """);

    assertThat(s.faults()).hasSize(4);
    assertThat(s.faults().get(0)).isInstanceOf(FaultSpec.LinkLatency.class);
    FaultSpec.LinkLatency slow = (FaultSpec.LinkLatency) s.faults().get(0);
    assertThat(slow.name()).isEqualTo("slow");
    assertThat(slow.target()).isEqualTo(new FaultTarget.Nodes(1.0));
    assertThat(slow.latency()).isEqualTo(Duration.ofMillis(50));
    assertThat(slow.links()).isEqualTo(LinkSide.ROUTES);
    FaultSpec kill = s.faults().get(1);
    assertThat(kill.kind()).isEqualTo(FaultKind.KILL);
    assertThat(kill.target()).isEqualTo(new FaultTarget.Node(1));
    assertThat(kill.phase()).isEqualTo("rpc");
    assertThat(kill.duration()).isZero();
    assertThat(s.faults().get(2)).isInstanceOfSatisfying(FaultSpec.Partition.class,
        p -> assertThat(p.mode()).isEqualTo(PartitionMode.SILENT));
    assertThat(s.faults().get(3)).isInstanceOfSatisfying(FaultSpec.RegistryChurn.class,
        c -> assertThat(c.ratePerSecond()).isEqualTo(20));
  }

  @Test
  void absentListIsNoFaults() throws Exception {
    assertThat(read("name: x").isEmpty()).isTrue();
  }

  @Test
  void errorsNameTheFieldPath() {
    assertThatThrownBy(() -> read("faults: {kind: kill}")).isInstanceOf(FaultScheduleException.class)
        .hasMessageStartingWith("faults: must be a list");
    assertThatThrownBy(() -> read("faults: [{kind: explode, node: 0, at: 1s}]"))
        .hasMessageStartingWith("faults[0].kind: unknown fault kind 'explode'");
    assertThatThrownBy(() -> read("faults: [{kind: kill, node: 0}]"))
        .hasMessageStartingWith("faults[0].at: is required");
    assertThatThrownBy(() -> read("faults: [{kind: kill, at: 1s}]"))
        .hasMessageStartingWith("faults[0]: needs a target");
    assertThatThrownBy(() -> read("faults: [{kind: kill, node: 0, nodes: 0.5, at: 1s}]"))
        .hasMessageStartingWith("faults[0]: must have one target");
    assertThatThrownBy(() -> read("faults: [{kind: kill, node: 0, at: 1s}, {kind: pause, node: 0, at: 2s}]"))
        .hasMessageStartingWith("faults[1].duration:");
    assertThatThrownBy(() -> read("faults: [{kind: kill, node: 0, at: soon}]"))
        .hasMessageStartingWith("faults[0].at: must be a duration");
    assertThatThrownBy(() -> read("faults: [{kind: kill, node: 0, at: 1s, colour: red}]"))
        .hasMessageStartingWith("faults[0].colour: unknown field");
    assertThatThrownBy(() -> read("faults: [{kind: kill, nodes: 2.0, at: 1s}]"))
        .hasMessageStartingWith("faults[0].nodes:");
    assertThatThrownBy(() -> read("faults: [{kind: partition, pair: [1], at: 1s, duration: 1s}]"))
        .hasMessageStartingWith("faults[0].pair: must be two node indexes");
    assertThatThrownBy(() -> read("faults: [{kind: kill-instances, node: 1, at: 1s}]"))
        .hasMessageStartingWith("faults[0].kind: a kill-instances fault must target service instances");
  }
}
