package io.micronats.nats.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectsTest {

  @Test
  void subjectMatchingFollowsNatsWildcards() {
    assertThat(Subjects.matches("foo.*", "foo.bar")).isTrue();
    assertThat(Subjects.matches("foo.*", "foo.bar.baz")).isFalse();
    assertThat(Subjects.matches("foo.>", "foo.bar.baz")).isTrue();
    assertThat(Subjects.matches("foo.>", "foo")).isFalse();
    assertThat(Subjects.matches(">", "a.b")).isTrue();
    assertThat(Subjects.matches("foo.bar", "foo.bar")).isTrue();
    assertThat(Subjects.matches("foo.bar", "foo")).isFalse();
  }
}
