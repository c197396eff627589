package io.micronats.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.tck.env.DeliveryHistory;
import io.micronats.tck.env.TestEnvironment;
import io.micronats.spi.Message;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The documented configuration names are the ones read, and the waits behave as documented. */
class TestEnvironmentTest {

  static TestEnvironment env(Map<String, String> params, Map<String, String> vars) {
    return TestEnvironment.from(k -> Optional.ofNullable(params.get(k)), vars);
  }

  @Test
  void multiplierComesFromTheParameterOrElseTheEnvironmentVariable() {
    assertThat(env(Map.of("micronats.tck.timeoutMultiplier", "2"), Map.of()).waitTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(env(Map.of(), Map.of("MICRONATS_TCK_TIMEOUT_MULTIPLIER", "3")).quietWindow()).isEqualTo(Duration.ofMillis(750));
    assertThat(env(Map.of("micronats.tck.timeoutMultiplier", "2"), Map.of("MICRONATS_TCK_TIMEOUT_MULTIPLIER", "3"))
        .multiplier()).isEqualTo(2.0);
    assertThat(env(Map.of(), Map.of()).waitTimeout()).isEqualTo(Duration.ofMillis(TestEnvironment.DEFAULT_WAIT_MILLIS));
  }

  @Test
  void seedIsReadAndBadValuesAreNamed() {
    assertThat(env(Map.of("micronats.tck.seed", "42"), Map.of()).seed()).isEqualTo(42);
    assertThat(env(Map.of(), Map.of("MICRONATS_TCK_SEED", "7")).seed()).isEqualTo(7);
    assertThatThrownBy(() -> env(Map.of("micronats.tck.timeoutMultiplier", "fast"), Map.of()))
        .hasMessageContaining("micronats.tck.timeoutMultiplier");
    assertThatThrownBy(() -> env(Map.of("micronats.tck.timeoutMultiplier", "-1"), Map.of())).hasMessageContaining("positive");
  }

  @Test
  void awaitReturnsEarlyAndQuietWaitsItsWindow() throws Exception {
    TestEnvironment e = env(Map.of(), Map.of());
    long t0 = System.nanoTime();
    e.awaitTrue("true", () -> true);
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1000);
    t0 = System.nanoTime();
    e.assertQuiet("nothing", () -> false, () -> "");
    assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(240);
    assertThatThrownBy(() -> e.assertQuiet("nothing", () -> true, () -> "it happened"))
        .hasMessage("expected nothing, but it happened");
  }

  @Test
  void boundedFailsAHangingCallWithItsStack() {
    TestEnvironment e = env(Map.of("micronats.tck.waitTimeoutMillis", "100"), Map.of());
    assertThatThrownBy(() -> e.bounded("sleep", () -> {
      Thread.sleep(60_000);
      return null;
    })).isInstanceOf(AssertionError.class).hasMessageContaining("expected sleep to return within 100 ms")
        .hasRootCauseMessage("where the call was blocked");
  }

  @Test
  void historyClassifiesLossDuplicationAndReordering() {
    DeliveryHistory h = new DeliveryHistory();
    for (int i = 0; i < 4; i++) {
      h.sent("p", i);
    }
    for (int seq : new int[] {0, 2, 1, 2}) {
      h.received("s", DeliveryHistory.stamp("p", seq, Message.empty()));
    }
    h.received("s", Message.empty());
    DeliveryHistory.Analysis a = h.analyze("s");
    assertThat(a.lost()).isEqualTo(1);
    assertThat(a.duplicated()).isEqualTo(1);
    assertThat(a.reordered()).isEqualTo(1);
    assertThat(a.unexpected()).isEqualTo(1);
    assertThat(a.clean()).isFalse();
  }
}
