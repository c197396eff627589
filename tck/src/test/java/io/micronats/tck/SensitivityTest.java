package io.micronats.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.tck.env.TestEnvironment;
import io.micronats.tck.rules.Rule;
import io.micronats.tck.rules.RuleCatalogue;
import io.micronats.tck.runner.RunnerArgs;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The detection bounds the catalogue states are right, and every sampling family reaches the
 * promised sensitivity: a 1-in-1,000 defect seen with probability at least 0.99 per run in
 * default mode, a 1-in-10,000 defect in thorough mode.
 */
class SensitivityTest {

  static final Set<String> FAMILIES = Set.of("ordering", "duplication", "loss", "cross-talk");
  /** The smallest sample that sees a 1-in-1,000 defect with probability 0.99: ceil(ln 0.01 / ln 0.999). */
  static final int NEEDED = (int) Math.ceil(Math.log(0.01) / Math.log(0.999));

  static double seen(double rate, int trials) {
    return 1 - Math.pow(1 - rate, trials);
  }

  static List<Rule> sampling() {
    return RuleCatalogue.standard().rules().stream().filter(r -> !r.detection().isEmpty()).toList();
  }

  @Test
  void theNeededSampleIs4603() {
    assertThat(NEEDED).isEqualTo(4603);
    assertThat(seen(0.001, 4603)).isGreaterThanOrEqualTo(0.99);
    assertThat(seen(0.001, 4602)).isLessThan(0.99);
  }

  @Test
  void everyStatedBoundMatchesItsSample() {
    assertThat(sampling()).hasSizeGreaterThanOrEqualTo(18);
    for (Rule r : sampling()) {
      assertThat(r.families()).as(r.id() + " families").isNotEmpty();
      assertThat(FAMILIES).as(r.id() + " families").containsAll(r.families());
      int n = r.trials(false);
      String defaultBound = String.format(Locale.ROOT, "1-0.999^%d=%.3f", n, seen(0.001, n));
      assertThat(r.detection()).as(r.id() + " states its default bound").contains(defaultBound);
      if (r.detection().contains("thorough=")) {
        int m = r.trials(true);
        assertThat(m).as(r.id() + " thorough sample").isGreaterThan(n);
        String thoroughBound = String.format(Locale.ROOT, "1-0.9999^%d=%.3f", m, seen(0.0001, m));
        assertThat(r.detection()).as(r.id() + " states its thorough bound").contains(thoroughBound);
      }
    }
  }

  @Test
  void everyFamilyCatchesARareDefectInEachMode() {
    Map<String, Integer> best = new TreeMap<>();
    Map<String, Integer> bestThorough = new TreeMap<>();
    for (Rule r : sampling()) {
      for (String f : r.families()) {
        best.merge(f, r.trials(false), Math::max);
        bestThorough.merge(f, r.trials(true), Math::max);
      }
    }
    assertThat(best.keySet()).containsExactlyInAnyOrderElementsOf(FAMILIES);
    best.forEach((f, n) -> assertThat(seen(0.001, n)).as(f + ": default mode, 1 in 1,000, n=" + n)
        .isGreaterThanOrEqualTo(0.99));
    bestThorough.forEach((f, n) -> assertThat(seen(0.0001, n)).as(f + ": thorough mode, 1 in 10,000, n=" + n)
        .isGreaterThanOrEqualTo(0.99));
  }

  @Test
  void theThoroughModeIsReadFromTheParameterTheVariableAndTheCommandLine() {
    TestEnvironment plain = TestEnvironment.from(k -> Optional.empty(), Map.of());
    TestEnvironment byParameter = TestEnvironment.from(
        k -> k.equals(TestEnvironment.THOROUGH_PARAMETER) ? Optional.of("true") : Optional.empty(), Map.of());
    TestEnvironment byVariable = TestEnvironment.from(k -> Optional.empty(), Map.of("MICRONATS_TCK_THOROUGH", "true"));
    assertThat(TestEnvironment.THOROUGH_PARAMETER).isEqualTo("micronats.tck.thorough");
    assertThat(plain.thorough()).isFalse();
    assertThat(byParameter.thorough()).isTrue();
    assertThat(byVariable.thorough()).isTrue();
    assertThat(byParameter.ruleTimeout()).isEqualTo(plain.ruleTimeout().multipliedBy(TestEnvironment.THOROUGH_SAMPLE_FACTOR));
    assertThat(byParameter.describe()).contains("thorough=true");
    assertThat(plain.waitTimeout()).isEqualTo(Duration.ofMillis(TestEnvironment.DEFAULT_WAIT_MILLIS));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestEnvironment.from(
        k -> k.equals(TestEnvironment.THOROUGH_PARAMETER) ? Optional.of("maybe") : Optional.empty(), Map.of()))
        .hasMessageContaining("micronats.tck.thorough");
    assertThat(RunnerArgs.parse("--plugin", "memory", "--thorough", "--out", "x").thorough()).isTrue();
    assertThat(RunnerArgs.parse("--plugin", "memory", "--out", "x", "--thorough").out()).isEqualTo(Path.of("x"));
    assertThat(RunnerArgs.parse("--plugin", "memory", "--out", "x").thorough()).isFalse();
  }

  @Test
  void thoroughSamplesAreTenTimesTheDefault() {
    for (Rule r : sampling()) {
      if (r.detection().contains("thorough=")) {
        assertThat(r.trials(true)).as(r.id()).isEqualTo(r.trials(false) * TestEnvironment.THOROUGH_SAMPLE_FACTOR);
      }
    }
  }
}
