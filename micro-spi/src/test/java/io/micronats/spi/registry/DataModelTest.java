package io.micronats.spi.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataModelTest {

  @Test
  void serviceCopiesItsCollectionsIn() {
    List<Node> nodes = new ArrayList<>(List.of(Node.of("n-1", "a")));
    Map<String, String> metadata = new HashMap<>(Map.of("k", "v"));
    Service service = new Service("greeter", "1", metadata, List.of(), nodes);
    nodes.add(Node.of("n-2", "b"));
    metadata.put("k", "changed");
    assertThat(service.nodes()).hasSize(1);
    assertThat(service.metadata()).containsEntry("k", "v");
  }

  @Test
  void serviceCollectionsCannotBeChangedOut() {
    Service service = Service.of("greeter", "1", Node.of("n-1", "a"));
    assertThatThrownBy(() -> service.nodes().add(Node.of("x", "y"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> service.metadata().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void invalidServiceNamesAndNodeIdsAreRejected() {
    assertThatThrownBy(() -> Service.of("bad name", "1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad name");
    assertThatThrownBy(() -> Node.of(" ", "a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Endpoint.of("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nodeMetadataAndValueTreesAreCopied() {
    Map<String, String> metadata = new HashMap<>(Map.of("zone", "eu"));
    Node node = new Node("n", "a", metadata);
    metadata.clear();
    assertThat(node.metadata()).containsEntry("zone", "eu");
    List<Value> fields = new ArrayList<>(List.of(Value.of("name", "string")));
    Value tree = new Value("req", "Request", fields);
    fields.clear();
    assertThat(tree.values()).hasSize(1);
  }

  @Test
  void withersReplaceOnePart() {
    Service service = Service.of("greeter", "1", Node.of("n-1", "a"));
    assertThat(service.withNodes(List.of()).nodes()).isEmpty();
    assertThat(service.withMetadata(Map.of("a", "b")).metadata()).containsEntry("a", "b");
    assertThat(service.withEndpoints(List.of(Endpoint.of("E"))).endpoints()).extracting(Endpoint::name).containsExactly("E");
    assertThat(service.withNodes(List.of()).name()).isEqualTo("greeter");
  }

  @Test
  void registerOptionsRejectNonPositiveTtl() {
    assertThat(RegisterOptions.ttl(Duration.ofSeconds(1)).ttl()).contains(Duration.ofSeconds(1));
    assertThat(RegisterOptions.defaults().ttl()).isEmpty();
    assertThatThrownBy(() -> RegisterOptions.ttl(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }
}
