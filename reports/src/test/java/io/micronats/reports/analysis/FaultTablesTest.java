package io.micronats.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.reports.Fixtures;
import io.micronats.reports.analysis.Cell.Tone;
import io.micronats.reports.model.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultTablesTest {
  private static final RunResult REASONS = Fixtures.result("golden/results/v1/results-with-fault-reasons.json");

  @Test
  void anUndecidedRecoveryShowsItsReasonAndAMissingOneAFlaggedDash() {
    Table t = FaultTables.timeline(REASONS);
    int back = t.header().indexOf("back to baseline");
    assertThat(t.rows()).extracting(r -> r.get(back)).containsExactly(
        Cell.of("+3000"),
        Cell.of("not decided: window too short: 1200 ms left before the next fault or the end of the phase", Tone.WARN),
        Cell.of("not decided: no operation completed in the window", Tone.WARN));
    RunResult old = Fixtures.result("golden/results/v1/results-with-faults.json");
    int oldBack = FaultTables.timeline(old).header().indexOf("back to baseline");
    assertThat(FaultTables.timeline(old).rows().get(1).get(oldBack)).isEqualTo(Cell.of("-", Tone.WARN));
  }

  @Test
  void everyRpcCauseOfAnyFaultGetsAColumnAndAbsentCountsADash() {
    Table t = FaultTables.rpc(REASONS);
    assertThat(t.header()).endsWith("no responders", "service not found", "remote errors", "not connected", "errors");
    List<List<Cell>> rows = t.rows();
    assertThat(rows.get(0).subList(9, 13)).containsExactly(Cell.of("0", Tone.MUTED), Cell.of("0", Tone.MUTED),
        Cell.of("-", Tone.MUTED), Cell.of("-", Tone.MUTED));
    assertThat(rows.get(1).subList(9, 13)).containsExactly(Cell.of("4", Tone.BAD), Cell.of("-", Tone.MUTED),
        Cell.of("2", Tone.BAD), Cell.of("1", Tone.BAD));
    assertThat(FaultTables.rpc(Fixtures.result("golden/results/v1/results-with-faults.json")).header())
        .as("no causes, no extra columns").hasSize(9);
  }

  @Test
  void camelCaseCountKeysReadAsWords() {
    assertThat(FaultTables.words("serviceNotFound")).isEqualTo("service not found");
    assertThat(FaultTables.words("errors")).isEqualTo("errors");
    assertThat(FaultTables.words("error.IOException")).isEqualTo("error.IOException");
  }
}
