package io.micronats.spi.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.spi.registry.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SelectorsTest {

  private static final List<Node> NODES = List.of(Node.of("a", "1"), Node.of("b", "2"), Node.of("c", "3"));

  @Test
  void roundRobinCyclesThroughTheNodesOfEachServiceIndependently() {
    Selector selector = Selectors.roundRobin();
    List<String> one = new ArrayList<>();
    List<String> two = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      one.add(selector.select("one", NODES).id());
      if (i % 2 == 0) {
        two.add(selector.select("two", NODES).id());
      }
    }
    assertThat(one).containsExactly("a", "b", "c", "a", "b", "c");
    assertThat(two).containsExactly("a", "b", "c");
  }

  @Test
  void randomEventuallyPicksEveryNode() {
    Selector selector = Selectors.random();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000 && seen.size() < 3; i++) {
      seen.add(selector.select("svc", NODES).id());
    }
    assertThat(seen).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void callOptionsRejectNonPositiveTimeoutsAndKeepTheirParts() {
    CallOptions options = CallOptions.defaults().withTimeout(Duration.ofSeconds(2)).withIdempotent(true);
    assertThat(options.timeout()).contains(Duration.ofSeconds(2));
    assertThat(options.idempotent()).isTrue();
    assertThat(CallOptions.defaults().timeout()).isEmpty();
    assertThatThrownBy(() -> CallOptions.defaults().withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }
}
