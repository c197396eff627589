package io.micronats.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.reports.model.Environment;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.RunResult;
import io.micronats.reports.model.Scenario;
import io.micronats.simulator.load.GeneratorLag;
import io.micronats.simulator.measure.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The terminal summary counts every failure cause and warns of a late generator. */
class SummaryTest {
  private static RunResult run(Phase... phases) {
    RunResult.Builder b = RunResult.builder(new Scenario("s", Map.of()),
        new Environment("17", "none", "none", 2, "Linux", "h", Map.of()), Instant.parse("2026-11-27T12:00:00Z"));
    for (Phase p : phases) {
      b.phase(p);
    }
    return b.build();
  }

  private static Phase.Builder rpc(String name) {
    return Phase.builder(name, "rpc").open(100).duration(Duration.ofSeconds(1)).count("successes", 90);
  }

  @Test
  void errorsAreTheSumOfEveryErrorOutcome() {
    Phase.Builder b = rpc("rpc-open-100");
    long expected = 0;
    long n = 1;
    for (String counter : Outcome.errorCounters()) {
      b.count(counter, n);
      expected += n;
      n *= 2; // distinct bits: a missing counter changes the sum
    }
    Phase p = b.count("error.IllegalStateException", 1000).build();
    assertThat(Summary.errors(p)).isEqualTo(expected);
    String errorsColumn = " " + expected;
    List<String> lines = Summary.lines(run(p), List.of(), Duration.ofSeconds(3));
    assertThat(lines).anyMatch(l -> l.startsWith("rpc-open-100") && l.endsWith(errorsColumn));
  }

  @Test
  void aStarvedGeneratorIsWarnedAbout() {
    Phase late = rpc("rpc-open-late").label(GeneratorLag.P50_LABEL, "412.0").label(GeneratorLag.P99_LABEL, "950.3")
        .build();
    Phase punctual = rpc("rpc-open-ok").label(GeneratorLag.P50_LABEL, "0.1").label(GeneratorLag.P99_LABEL, "2.0")
        .build();
    List<String> lines = Summary.lines(run(late, punctual), List.of(), Duration.ofSeconds(3));
    assertThat(lines).filteredOn(l -> l.startsWith("WARNING")).singleElement().asString()
        .contains("rpc-open-late", "lag p50 412.0 ms, p99 950.3 ms");
  }
}
