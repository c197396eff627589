package io.micronats.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronats.reports.model.Fault;
import io.micronats.simulator.scenario.FaultKind;
import io.micronats.simulator.scenario.FaultSpec;
import io.micronats.simulator.scenario.FaultTarget;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A fault window's RPC accounting by cause, and what results, labels and descriptions make of it. */
class FaultAccountingTest {
  private static final long MS = 1_000_000L;
  private static final FaultSpec KILL = FaultSpec.of(FaultKind.KILL, new FaultTarget.Node(1), Duration.ZERO,
      Duration.ZERO).withName("kill-1");

  /** Calls of {@code result}, each sent and intended at {@code atMillis}, done 1 ms later. */
  private static void calls(FaultTimeline t, long atMillis, CallResult result, int n) {
    for (int i = 0; i < n; i++) {
      t.call(atMillis * MS, (atMillis + 1) * MS, result);
    }
  }

  @Test
  void theWindowCountsEveryResultByCauseAndEveryNonSuccessAsFailed() {
    FaultTimeline t = new FaultTimeline(0);
    calls(t, 50, CallResult.OK, 1);
    calls(t, 60, CallResult.NOT_CONNECTED, 1);
    t.injected(KILL, 100 * MS);
    calls(t, 110, CallResult.OK, 3);
    calls(t, 120, CallResult.TIMEOUT, 2);
    calls(t, 130, CallResult.NO_RESPONDERS, 1);
    calls(t, 140, CallResult.SERVICE_NOT_FOUND, 4);
    calls(t, 150, CallResult.NOT_CONNECTED, 5);
    calls(t, 160, CallResult.REMOTE_ERROR, 1);
    calls(t, 170, CallResult.ERROR, 2);
    calls(t, 180, CallResult.NOT_SENT, 1);

    FaultReport.RpcLoss rpc = t.reports(1000 * MS, null, null).get(0).rpc();
    assertThat(rpc.calls()).isEqualTo(19);
    assertThat(rpc.succeeded()).isEqualTo(3);
    assertThat(rpc.failed()).isEqualTo(16);
    assertThat(rpc.timedOut()).isEqualTo(2);
    assertThat(rpc.noResponders()).isEqualTo(1);
    assertThat(rpc.failedByCause()).containsExactly(
        Map.entry(CallResult.TIMEOUT, 2L), Map.entry(CallResult.NO_RESPONDERS, 1L),
        Map.entry(CallResult.SERVICE_NOT_FOUND, 4L), Map.entry(CallResult.NOT_CONNECTED, 5L),
        Map.entry(CallResult.REMOTE_ERROR, 1L), Map.entry(CallResult.ERROR, 2L), Map.entry(CallResult.NOT_SENT, 1L));
    FaultReport.RpcLoss base = t.baselineRpc();
    assertThat(base.calls()).isEqualTo(2);
    assertThat(base.failed()).isEqualTo(1);
    assertThat(base.failedByCause()).containsExactly(Map.entry(CallResult.NOT_CONNECTED, 1L));
  }

  @ParameterizedTest
  @EnumSource(CallResult.class)
  void eachResultIsCountedAndEveryOneButOkAsFailed(CallResult result) {
    FaultTimeline t = new FaultTimeline(0);
    t.injected(KILL, 100 * MS);
    calls(t, 200, result, 3);
    FaultReport.RpcLoss rpc = t.reports(1000 * MS, null, null).get(0).rpc();
    assertThat(rpc.calls()).isEqualTo(3);
    assertThat(rpc.failed()).isEqualTo(result == CallResult.OK ? 0 : 3);
    assertThat(rpc.succeeded()).isEqualTo(result == CallResult.OK ? 3 : 0);
    assertThat(rpc.failed(result)).isEqualTo(result == CallResult.OK ? 0 : 3);
  }

  @Test
  void resultsNameEveryCauseThatOccurredBesideTheFixedCounts() {
    FaultTimeline t = new FaultTimeline(0);
    t.injected(KILL, 100 * MS);
    calls(t, 110, CallResult.OK, 10);
    calls(t, 120, CallResult.NOT_CONNECTED, 6);
    calls(t, 130, CallResult.SERVICE_NOT_FOUND, 3);
    calls(t, 140, CallResult.TIMEOUT, 1);
    t.injected(KILL.withName("kill-2"), 500 * MS);
    calls(t, 510, CallResult.OK, 4);
    List<FaultReport> reports = t.reports(1000 * MS, null, null);

    Fault.Rpc first = FaultResults.of(reports.get(0)).rpc();
    assertThat(first).isEqualTo(new Fault.Rpc(20, 10, 10, 1, 0, Map.of("serviceNotFound", 3L, "notConnected", 6L)));
    assertThat(first.causes()).as("in cause order, only those that occurred")
        .containsExactly(Map.entry("serviceNotFound", 3L), Map.entry("notConnected", 6L));
    assertThat(FaultResults.of(reports.get(1)).rpc()).isEqualTo(new Fault.Rpc(4, 4, 0, 0, 0));

    assertThat(reports.get(0).describe()).contains("rpc: 10 failed (1 timedOut, 3 serviceNotFound, 6 notConnected)"
        + " of 20 sent in the window");
    assertThat(reports.get(1).describe()).contains("rpc: 0 failed of 4 sent in the window");
  }

  @Test
  void aCallIntendedBeforeTheFaultButSentAfterItIsFiledInTheFaultsWindow() {
    FaultTimeline t = new FaultTimeline(0);
    t.injected(KILL, 100 * MS);
    // a late generator: meant at 90 ms, really sent at 110 ms, it met the dead node
    t.call("rpc", 90 * MS, 110 * MS, 2110 * MS, CallResult.TIMEOUT);
    // meant and sent before the injection, answered after it: the baseline's
    t.call("rpc", 80 * MS, 85 * MS, 120 * MS, CallResult.OK);
    // meant inside the window but sent only after the next fault: the next fault's
    t.injected(KILL.withName("kill-2"), 500 * MS);
    t.call("rpc", 450 * MS, 520 * MS, 530 * MS, CallResult.NOT_CONNECTED);
    List<FaultReport> reports = t.reports(1000 * MS, null, null);

    assertThat(reports.get(0).rpc().calls()).isEqualTo(1);
    assertThat(reports.get(0).rpc().failedByCause()).containsExactly(Map.entry(CallResult.TIMEOUT, 1L));
    assertThat(reports.get(1).rpc().calls()).isEqualTo(1);
    assertThat(reports.get(1).rpc().failed(CallResult.NOT_CONNECTED)).isEqualTo(1);
    assertThat(t.baselineRpc().calls()).isEqualTo(1);
    assertThat(t.baselineRpc().succeeded()).isEqualTo(1);
  }

  @Test
  void rpcLossRefusesAccountsThatDoNotAddUp() {
    Map<CallResult, Long> causes = new EnumMap<>(CallResult.class);
    causes.put(CallResult.NOT_CONNECTED, 2L);
    assertThat(new FaultReport.RpcLoss(5, 3, 2, 0, 0, causes).failed(CallResult.NOT_CONNECTED)).isEqualTo(2);
    assertThatThrownBy(() -> new FaultReport.RpcLoss(5, 3, 3, 0, 0, causes))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inconsistent RPC accounting");
    assertThatThrownBy(() -> new FaultReport.RpcLoss(5, 3, 2, 1, 0, causes))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FaultReport.RpcLoss(1, 1, 0, 0, 0, Map.of(CallResult.OK, 1L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a failure count");
    // the older five-number form files the rest as other errors
    assertThat(new FaultReport.RpcLoss(100, 90, 10, 8, 2).failedByCause())
        .containsExactly(Map.entry(CallResult.TIMEOUT, 8L), Map.entry(CallResult.NO_RESPONDERS, 2L));
    assertThat(new FaultReport.RpcLoss(100, 90, 10, 5, 2).failed(CallResult.ERROR)).isEqualTo(3);
  }
}
