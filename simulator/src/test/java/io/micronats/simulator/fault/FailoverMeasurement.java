package io.micronats.simulator.fault;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.simulator.scenario.FaultKind;
import io.micronats.simulator.scenario.FaultSchedule;
import io.micronats.simulator.scenario.FaultSpec;
import io.micronats.simulator.scenario.FaultTarget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: measures a kill of the service node under RPC and broker load on raw jnats, three
 * times, and prints each timeline next to the rule of thumb. Run with
 * {@code -Dtest=FailoverMeasurement -Dfaults.measure=true}.
 */
@EnabledIfSystemProperty(named = "faults.measure", matches = "true")
class FailoverMeasurement {

  @Test
  void killServiceNodeUnderLoad() throws Exception {
    int rpcRate = Integer.getInteger("faults.rpcRate", 1000);
    int pubRate = Integer.getInteger("faults.pubRate", 2000);
    for (int run = 1; run <= 3; run++) {
      try (NatsCluster cluster = NatsCluster.builder().nodes(3).clusterName("measure").build()) {
        cluster.start();
        long origin = System.nanoTime();
        FaultTimeline timeline = new FaultTimeline(origin);
        try (ProbeLoad load = new ProbeLoad(timeline, cluster.clientUrls().get(0), cluster.clientUrls().get(1),
                Duration.ofSeconds(5), Duration.ofSeconds(2));
            FaultInjector injector = new FaultInjector(FaultSchedule.of(FaultSpec.of(FaultKind.KILL,
                new FaultTarget.Node(1), Duration.ofSeconds(3), Duration.ZERO).withName("kill-n2")), cluster, null,
                null, timeline, run)) {
          cluster.awaitInterest(ProbeLoad.RPC_SUBJECT, Duration.ofSeconds(20));
          cluster.awaitInterest(ProbeLoad.EVENTS_SUBJECT, Duration.ofSeconds(20));
          load.start(rpcRate, pubRate);
          injector.start(origin);
          Thread.sleep(10_000);
          load.stop();
          List<FaultReport> reports = timeline.reports(System.nanoTime(), load.ledger, null);
          FaultReport r = reports.get(0);
          System.out.println("RUN " + run + " (rpc " + rpcRate + "/s, publish " + pubRate + "/s)\n" + r.describe()
              + "  " + FaultRecords.ruleOfThumb(r, pubRate));
        }
      }
    }
  }
}
