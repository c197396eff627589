package io.micronats.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.reports.model.Environment;
import io.micronats.reports.model.Fault;
import io.micronats.reports.model.ResultsReader;
import io.micronats.reports.model.ResultsWriter;
import io.micronats.reports.model.RunResult;
import io.micronats.reports.model.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultResultsTest {
  private static final FaultReport KILL = new FaultReport("kill-1", "kill", "node 1", "rpc", 4000, 6000, null,
      2L, 2140L, 2151L, 5L, 31L, 3000L, 3, 3, List.of("+0 SIGKILL node 1"),
      new FaultReport.RpcLoss(100, 90, 10, 8, 2), new FaultReport.BrokerLoss(50, 4, 1, 2, 0),
      new FaultReport.RegistryLoss(7, 1, 2, 1, 900, 0));
  private static final FaultReport RUN_LEVEL = new FaultReport("churn", "churn", "fleet", "", 12000, 100, null, null,
      null, null, null, null, null, 0, 0, List.of(), FaultReport.RpcLoss.NONE, FaultReport.BrokerLoss.NONE,
      FaultReport.RegistryLoss.NONE);

  @Test
  void everyFieldIsCopiedAndTheRunLevelPhaseIsAbsent() {
    Fault f = FaultResults.of(KILL);
    assertThat(f).isEqualTo(new Fault("kill-1", "kill", "node 1", "rpc", 4000, 6000, null, 2L, 2140L, 2151L, 5L,
        31L, 3000L, 3, 3, List.of("+0 SIGKILL node 1"), new Fault.Rpc(100, 90, 10, 8, 2),
        new Fault.Broker(50, 4, 1, 2, 0), new Fault.Registry(7, 1, 2, 1, 900, 0)));
    assertThat(FaultResults.of(RUN_LEVEL).phase()).isNull();
  }

  @Test
  void faultsSurviveResultsJson() throws Exception {
    RunResult.Builder b = RunResult.builder(new Scenario("s", Map.of()),
        new Environment("17", "none", "none", 2, "Linux", "h", Map.of()), Instant.parse("2026-11-27T12:00:00Z"));
    FaultResults.of(List.of(KILL, RUN_LEVEL)).forEach(b::fault);
    RunResult r = b.build();
    String json = ResultsWriter.toJson(r);
    assertThat(json).contains("\"faults\"", "\"recoveredAfterMillis\" : 3000").doesNotContain("\"phase\" : \"\"");
    assertThat(ResultsReader.fromJson(json, "test").faults()).isEqualTo(r.faults());
  }
}
