package io.micronats.nats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void compactTreeReadsNestedObjectsArraysNumbersStringsAndEscapes() {
    Map<String, Object> m = Json.parseObject(
        "{\"a\": 1, \"b\": -2.5e1, \"c\": \"x\\\"y\\u0041\", \"d\": [true, false, null, {\"e\": []}], \"f\": null}");

    assertThat(m.get("a")).isEqualTo(1L);
    assertThat(m.get("b")).isEqualTo(-25.0);
    assertThat(m.get("c")).isEqualTo("x\"yA");
    assertThat((List<?>) m.get("d")).hasSize(3);
    assertThat(m).doesNotContainKey("f");
  }

  @Test
  void writesEscapedCharactersAsGoDoesAndReadsThemBackUnchanged() {
    String tricky = "a\u2028b\u2029c<d>&e\u0001\u001ff\"\\\n\r\t\u00e9\ud83d\ude00";
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("s", tricky);

    String written = Json.write(tree);

    // Go's encoding/json escapes these five as \\uXXXX, so registry bytes stay identical to go-micro's.
    assertThat(written).contains("\\u2028").contains("\\u2029").contains("\\u003c")
        .contains("\\u003e").contains("\\u0026").contains("\\u0001").contains("\\u001f");
    assertThat(Json.parseObject(written).get("s")).isEqualTo(tricky);
  }

  @Test
  void compactTreeReadsIntegersBeyondLongAsDoubles() {
    Map<String, Object> m = Json.parseObject("{\"max\": 9223372036854775807, \"u64\": 18446744073709551615}");

    assertThat(m.get("max")).isEqualTo(Long.MAX_VALUE);
    assertThat(m.get("u64")).isEqualTo(1.8446744073709552E19);
  }

  @Test
  void rejectsBrokenJsonNamingTheOffset() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Json.parseObject("{\"a\": }"));

    assertThat(e.getMessage()).contains("offset 6").contains("{\"a\": }");
  }

  @Test
  void parseObjectRejectsAnArrayNamingWhatItGot() {
    Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parseObject("[1]"));

    assertThat(e.getMessage()).isEqualTo("expected a JSON object, got: [1]");
  }

  @Test
  void accessorsGiveEmptyValuesForAbsentOrMistypedMembers() {
    Map<String, Object> m = Json.parseObject("{\"n\": 7, \"s\": \"x\", \"l\": [\"a\", 2, {\"k\": 1}]}");

    assertThat(Json.text(m, "n")).isEqualTo("7");
    assertThat(Json.text(m, "missing")).isEmpty();
    assertThat(Json.longValue(m, "s")).isZero();
    assertThat(Json.longValue(m, "n")).isEqualTo(7L);
    assertThat(Json.list(m, "s")).isEmpty();
    assertThat(Json.strings(m, "l")).containsExactly("a", "2", "{k=1}");
    assertThat(Json.objects(m, "l")).containsExactly(Map.of("k", 1L));
  }

  @Test
  void strictTreeKeepsNullsAndExactDecimals() {
    Map<?, ?> m = (Map<?, ?>) Json.parse("{\"a\": 0.10, \"b\": null, \"c\": [null]}");

    assertThat(m.get("a")).isEqualTo(new BigDecimal("0.10"));
    assertThat(m.containsKey("b")).isTrue();
    assertThat(m.get("b")).isNull();
    assertThat(m.get("c")).isEqualTo(Arrays.asList((Object) null));
  }

  @Test
  void writeEscapesLikeGo() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("s", "<a&b>\"\n");
    tree.put("l", Arrays.asList(1, null, true));

    assertThat(Json.write(tree)).isEqualTo("{\"s\":\"\\u003ca\\u0026b\\u003e\\\"\\n\",\"l\":[1,null,true]}");
  }

  @Test
  void rejectsNestingDeeperThanTheLimit() {
    String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);

    Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse(deep));

    assertThat(e.getMessage()).contains("nesting of at most " + Json.MAX_DEPTH);
  }

  @Test
  void eachLimitRefusesWithItsSettingNamedAndCounts() {
    JsonLimits small = JsonLimits.from(io.micronats.spi.plugin.PluginConfig.of(
        JsonLimits.MAX_CHARS, "50", JsonLimits.MAX_DEPTH, "3", JsonLimits.MAX_NUMBER_CHARS, "5"));
    JsonLimits.Rejections before = JsonLimits.rejections();
    assertThat(org.junit.jupiter.api.Assertions.assertThrows(Json.JsonException.class,
        () -> Json.parse("[" + "1,".repeat(30) + "1]", small))).hasMessageContaining(JsonLimits.MAX_CHARS);
    assertThat(org.junit.jupiter.api.Assertions.assertThrows(Json.JsonException.class,
        () -> Json.parse("[[[[[1]]]]]", small))).hasMessageContaining(JsonLimits.MAX_DEPTH);
    assertThat(org.junit.jupiter.api.Assertions.assertThrows(Json.JsonException.class,
        () -> Json.parse("[123456]", small))).hasMessageContaining(JsonLimits.MAX_NUMBER_CHARS);
    assertThat(Json.parse("[12345]", small)).isEqualTo(java.util.List.of(new java.math.BigDecimal("12345")));
    JsonLimits.Rejections after = JsonLimits.rejections();
    assertThat(after.tooLong() - before.tooLong()).isEqualTo(1);
    assertThat(after.tooDeep() - before.tooDeep()).isEqualTo(1);
    assertThat(after.numberTooLong() - before.numberTooLong()).isEqualTo(1);
  }

  @Test
  void aMillionDigitNumberIsRefusedInLinearTimeAndOtherScriptsDigitsAreNotNumbers() {
    String huge = "{\"v\":" + "9".repeat(1_000_000) + "}";
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      org.junit.jupiter.api.Assertions.assertThrows(Json.JsonException.class, () -> Json.parse(huge));
    }
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(2));
    org.junit.jupiter.api.Assertions.assertThrows(Json.JsonException.class, () -> Json.parse("[1\u0663]"));
  }
}
