package io.micronats.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTest {
  @Test
  void latencyPicksTheUnitByMagnitude() {
    assertThat(Format.micros(232)).isEqualTo("232 µs");
    assertThat(Format.micros(0.5)).isEqualTo("0.500 µs");
    assertThat(Format.micros(1190)).isEqualTo("1.19 ms");
    assertThat(Format.micros(45_000)).isEqualTo("45.0 ms");
    assertThat(Format.micros(1_270_000)).isEqualTo("1.27 s");
  }

  @Test
  void spreadShowsRunCountAndRange() {
    assertThat(Format.spread(new Spread(812, 3, 790, 840), "us")).isEqualTo("812 µs (790–840 µs, n=3)");
    assertThat(Format.spread(Spread.single(812), "us")).isEqualTo("812 µs (n=1)");
    assertThat(Format.spread(new Spread(12, 3, 3, 5), "")).isEqualTo("12 (per run 3–5, n=3)");
    assertThat(Format.spread(new Spread(0, 3, 0, 0), "")).isEqualTo("0 (n=3, no spread)");
    assertThat(Format.spread(new Spread(2000, 2, 1990, 2010), "/s")).isEqualTo("2000/s (1990–2010/s, n=2)");
  }

  @Test
  void ticksAreShort() {
    assertThat(Format.tick(2)).isEqualTo("2");
    assertThat(Format.tick(20_000)).isEqualTo("20,000");
    assertThat(Format.tick(0.5)).isEqualTo("0.5");
    assertThat(Format.microsTick(2_000)).isEqualTo("2 ms");
    assertThat(Format.microsTick(500)).isEqualTo("500 µs");
  }

  @Test
  void numbersIgnoreTheDefaultLocale() {
    java.util.Locale before = java.util.Locale.getDefault();
    try {
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      assertThat(Format.number(1.19)).isEqualTo("1.19");
      assertThat(Format.count(12_345)).isEqualTo("12,345");
    } finally {
      java.util.Locale.setDefault(before);
    }
  }
}
