package io.micronats.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"greeter", "go.micro.srv.greeter", "_INBOX.abc123", "a-b_c"})
  void validLiteralNamesAreAccepted(String name) {
    assertThat(Names.requireServiceName(name)).isEqualTo(name);
    assertThat(Names.requireAddress(name)).isEqualTo(name);
    assertThat(Names.requirePublishTopic(name)).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"my service", "tab\there", ".lead", "trail.", "dou..ble", "wild.*", "tail.>", "new\nline"})
  void invalidNamesAreRejectedNamingTheValue(String name) {
    assertThatThrownBy(() -> Names.requireServiceName(name))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
  }

  @Test
  void emptyNameIsRejected() {
    assertThatThrownBy(() -> Names.requireAddress("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.*", "a.>", "*.b", ">", "a.*.c"})
  void subscribeTopicsMayUseWholeTokenWildcards(String topic) {
    assertThat(Names.requireSubscribeTopic(topic)).isEqualTo(topic);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.b*", "a.>.c", "a b"})
  void malformedWildcardsAreRejected(String topic) {
    assertThatThrownBy(() -> Names.requireSubscribeTopic(topic))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(topic);
  }

  @ParameterizedTest
  @CsvSource({
      "a.*, a.b, true", "a.*, a.b.c, false", "a.*, a, false",
      "a.>, a.b, true", "a.>, a.b.c, true", "a.>, a, false",
      "*.b, a.b, true", "a.b, a.b, true", "a.b, a.c, false", ">, x, true"})
  void matchingFollowsNatsRules(String pattern, String subject, boolean expected) {
    assertThat(Names.matches(pattern, subject)).isEqualTo(expected);
  }
}
