package io.micronats.spi.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PluginConfigTest {

  @ParameterizedTest
  @CsvSource({"250ms, 250", "5s, 5000", "1.5s, 1500", "2m, 120000", "PT3S, 3000", "pt0.1s, 100", "750, 750"})
  void durationsAcceptShortFormsIsoAndMillis(String raw, long millis) {
    assertThat(PluginConfig.of("timeout", raw).duration("timeout", Duration.ZERO)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void missingDurationGivesTheFallback() {
    assertThat(PluginConfig.empty().duration("timeout", Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void badValuesNameTheKey() {
    assertThatThrownBy(() -> PluginConfig.of("timeout", "soon").duration("timeout", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'timeout'").hasMessageContaining("soon");
    assertThatThrownBy(() -> PluginConfig.of("backlog", "many").longValue("backlog", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'backlog'");
    assertThatThrownBy(() -> PluginConfig.of("shared", "maybe").booleanValue("shared", true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'shared'");
  }

  @Test
  void environmentVariablesMapToLowerCaseKeys() {
    Map<String, String> env = Map.of(
        "MICRO_TRANSPORT", "nats",
        "MICRO_TRANSPORT_ADDRESS", "nats://a:4222, nats://b:4222",
        "MICRO_TRANSPORT_TIMEOUT", "2s",
        "MICRO_TRANSPORT_MAX_PAYLOAD", "100",
        "MICRO_BROKER_ADDRESS", "nats://other:4222");
    PluginConfig config = PluginConfig.fromEnvironment("transport", env);
    assertThat(config.settings()).containsOnlyKeys("addresses", "timeout", "max.payload");
    assertThat(config.addresses()).containsExactly("nats://a:4222", "nats://b:4222");
    assertThat(config.duration("timeout", Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void toStringHidesSecrets() {
    assertThat(PluginConfig.of("password", "hunter2", "user", "bob").toString())
        .doesNotContain("hunter2").contains("bob");
  }

  @Test
  void oddKeyValueListIsRejected() {
    assertThatThrownBy(() -> PluginConfig.of("lonely")).isInstanceOf(IllegalArgumentException.class);
  }
}
