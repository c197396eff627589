package io.micronats.nats.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitorJsonTest {

  @Test
  void readsNestedObjectsArraysNumbersStringsAndEscapes() {
    Map<String, Object> m = MonitorJson.parseObject(
        "{\"a\": 1, \"b\": -2.5e1, \"c\": \"x\\\"y\\u0041\", \"d\": [true, false, null, {\"e\": []}], \"f\": null}");

    assertThat(m.get("a")).isEqualTo(1L);
    assertThat(m.get("b")).isEqualTo(-25.0);
    assertThat(m.get("c")).isEqualTo("x\"yA");
    assertThat((List<?>) m.get("d")).hasSize(3);
    assertThat(m).doesNotContainKey("f");
  }

  @Test
  void rejectsBrokenJsonNamingTheOffset() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MonitorJson.parseObject("{\"a\": }"));

    assertThat(e.getMessage()).contains("offset 6");
  }

  @Test
  void parsesRoutezWithSubscriptions() {
    Routez r = Routez.parse("{\"server_id\":\"S1\",\"num_routes\":2,\"routes\":["
        + "{\"remote_id\":\"S2\",\"subscriptions_list\":[\"foo.*\",\"bar q\"]},{\"remote_id\":\"S2\"}]}");

    assertThat(r.serverId()).isEqualTo("S1");
    assertThat(r.peerIds()).containsExactly("S2");
    assertThat(r.routes().get(0).subscriptions()).containsExactly("foo.*", "bar q");
  }

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
