package io.micronats.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.reports.Fixtures;
import io.micronats.reports.analysis.Cell.Tone;
import io.micronats.reports.model.Better;
import io.micronats.reports.model.Comparison;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineTableTest {
  @Test
  void inRunComparisonsOfOneFigurePerSideAreNeverCalledBetterOrWorse() {
    Table table = Tables.baseline(Fixtures.THREE_NODES).orElseThrow();
    assertThat(table.rows()).isNotEmpty();
    assertThat(table.rows()).allSatisfy(row -> {
      assertThat(row).noneMatch(c -> c.tone() == Tone.GOOD || c.tone() == Tone.BAD);
      assertThat(row.get(1).text()).isEqualTo("not distinguishable (n=1)");
    });
    assertThat(table.caption()).contains(SideBySide.METHOD, "n=1");
  }

  @Test
  void evenALargeDifferenceOnOneFigureIsNotDistinguishable() {
    Cell cell = Tables.baselineVerdict(Comparison.of("rpc p99", 5000, 100, "us", Better.LOWER));
    assertThat(cell.tone()).isEqualTo(Tone.MUTED);
    assertThat(cell.text()).isEqualTo("not distinguishable (n=1)");
    assertThat(List.of(cell.text())).doesNotContain("micronats better", "raw better");
  }
}
