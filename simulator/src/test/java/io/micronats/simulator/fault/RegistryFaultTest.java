package io.micronats.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronats.nats.cluster.NatsCluster;
import io.micronats.nats.registry.LookupStrategy;
import io.micronats.nats.registry.NatsRegistry;
import io.micronats.simulator.scenario.FaultKind;
import io.micronats.simulator.scenario.FaultSchedule;
import io.micronats.simulator.scenario.FaultSpec;
import io.micronats.simulator.scenario.FaultTarget;
import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Service crashes and registry churn against the real NATS registry: lookups are audited against
 * the truth, per lookup strategy.
 */
class RegistryFaultTest {
  private static final Duration TTL = Duration.ofSeconds(3);

  private static Supplier<Set<String>> lookup(NatsRegistry registry) {
    return () -> {
      Set<String> ids = new HashSet<>();
      try {
        for (Service s : registry.getService(RegistryInstances.SERVICE)) {
          for (Node n : s.nodes()) {
            ids.add(n.id());
          }
        }
      } catch (ServiceNotFoundException e) {
        // nobody registered: an empty answer
      }
      return ids;
    };
  }

  @Test
  void crashedInstancesStayInTheCacheUntilTheirTtlButLeaveQueriesAtOnce() throws Exception {
    try (NatsCluster cluster = NatsCluster.builder().nodes(2).clusterName("registry-faults").build()) {
      cluster.start();
      PluginConfig config = cluster.clientConfig();
      try (RegistryInstances instances = new RegistryInstances(config, TTL);
          NatsRegistry queried = NatsRegistry.builder().config(config.with("name", "auditor-q"))
              .strategy(LookupStrategy.EARLY_COMPLETION).build();
          NatsRegistry cached = NatsRegistry.builder().config(config.with("name", "auditor-c"))
              .strategy(LookupStrategy.CACHED).build()) {
        for (int i = 0; i < 10; i++) {
          instances.startInstance();
        }
        Supplier<Set<String>> live = () -> Set.copyOf(instances.liveInstanceIds());
        RegistryAudit queryAudit = new RegistryAudit(live, lookup(queried));
        RegistryAudit cacheAudit = new RegistryAudit(live, lookup(cached));
        // both see all ten before the fault
        long deadline = System.nanoTime() + 10_000_000_000L;
        while ((lookup(queried).get().size() < 10 || lookup(cached).get().size() < 10) && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        long origin = System.nanoTime();
        FaultTimeline timeline = new FaultTimeline(origin);
        FaultSchedule schedule = FaultSchedule.of(FaultSpec.of(FaultKind.KILL_INSTANCES,
            new FaultTarget.Instances(0.3), Duration.ofMillis(500), Duration.ZERO).withName("crash-3"));
        // one audit hears of the deaths from the injector, the other from here
        try (FaultInjector injector = new FaultInjector(schedule, null, instances, queryAudit, timeline, 3)) {
          injector.start(origin);
          Set<String> before = Set.copyOf(instances.liveInstanceIds());
          Set<String> told = new HashSet<>();
          while (System.nanoTime() - origin < 500_000_000L + TTL.toNanos() * 3) {
            long now = System.nanoTime();
            List<String> alive = instances.liveInstanceIds();
            for (String id : before) {
              if (!alive.contains(id) && told.add(id)) {
                cacheAudit.died(id, now);
              }
            }
            queryAudit.sample(now);
            cacheAudit.sample(now);
            Thread.sleep(50);
          }
        }
        long end = System.nanoTime();
        FaultReport.RegistryLoss q = queryAudit.between(origin, end);
        FaultReport.RegistryLoss c = cacheAudit.between(origin, end);
        System.out.println("early-completion: " + q + "\ncached: " + c);
        System.out.println("early-completion before the crash: " + queryAudit.between(origin, origin + 450_000_000L)
            + "\nafter: " + queryAudit.between(origin + 450_000_000L, end));

        assertThat(instances.liveInstanceIds()).hasSize(7);
        assertThat(q.lookups()).isPositive();
        assertThat(q.maxStaleMillis()).as("a crashed instance stops answering queries at once")
            .isLessThan(TTL.toMillis());
        assertThat(q.stillStale()).isZero();
        assertThat(c.staleEntries()).as("the cache keeps every crashed instance for a while").isEqualTo(3);
        assertThat(c.maxStaleMillis()).as("until its TTL runs out").isBetween(TTL.toMillis() / 2, TTL.toMillis() * 3);
        assertThat(c.stillStale()).as("then it is gone").isZero();
        List<FaultReport> reports = timeline.reports(end, null, queryAudit);
        assertThat(reports.get(0).steps()).anyMatch(s -> s.endsWith("crashed 3 instances"));
        assertThat(reports.get(0).registry().staleEntries()).isEqualTo(q.staleEntries());
      }
    }
  }

  @Test
  void crashedInstancesWithADurationAreRestartedAndFoundAgain() throws Exception {
    try (NatsCluster cluster = NatsCluster.builder().nodes(2).clusterName("registry-revert").build()) {
      cluster.start();
      PluginConfig config = cluster.clientConfig();
      try (RegistryInstances instances = new RegistryInstances(config, TTL);
          NatsRegistry queried = NatsRegistry.builder().config(config.with("name", "auditor-r"))
              .strategy(LookupStrategy.EARLY_COMPLETION).build()) {
        for (int i = 0; i < 4; i++) {
          instances.startInstance();
        }
        Set<String> all = Set.copyOf(instances.liveInstanceIds());
        long origin = System.nanoTime();
        FaultTimeline timeline = new FaultTimeline(origin);
        FaultSchedule schedule = FaultSchedule.of(FaultSpec.of(FaultKind.KILL_INSTANCES,
            new FaultTarget.Instances(0.5), Duration.ofMillis(200), Duration.ofMillis(800)).withName("crash-and-back"));
        try (FaultInjector injector = new FaultInjector(schedule, null, instances, null, timeline, 5)) {
          injector.start(origin);
          long deadline = origin + Duration.ofSeconds(15).toNanos();
          boolean crashedSeen = false;
          while (System.nanoTime() < deadline) {
            crashedSeen |= instances.liveInstanceIds().size() == 2;
            if (crashedSeen && instances.liveInstanceIds().size() == 4 && lookup(queried).get().equals(all)) {
              break;
            }
            Thread.sleep(20);
          }
          assertThat(crashedSeen).as("half the instances crashed").isTrue();
          assertThat(Set.copyOf(instances.liveInstanceIds())).as("restarted under their ids").isEqualTo(all);
          assertThat(lookup(queried).get()).as("found by queries again").isEqualTo(all);
        }
        List<FaultReport> reports = timeline.reports(System.nanoTime(), null, null);
        assertThat(reports.get(0).steps()).anyMatch(x -> x.endsWith("crashed 2 instances"))
            .anyMatch(x -> x.endsWith("restarted 2 instances"));
      }
    }
  }

  @Test
  void churnStartsAndStopsInstancesAndTheAuditSeesThem() throws Exception {
    try (NatsCluster cluster = NatsCluster.builder().nodes(1).clusterName("registry-churn").build()) {
      cluster.start();
      PluginConfig config = cluster.clientConfig();
      try (RegistryInstances instances = new RegistryInstances(config, TTL);
          NatsRegistry queried = NatsRegistry.builder().config(config.with("name", "auditor"))
              .strategy(LookupStrategy.EARLY_COMPLETION).build()) {
        instances.startInstance();
        RegistryAudit audit = new RegistryAudit(() -> Set.copyOf(instances.liveInstanceIds()), lookup(queried));
        long origin = System.nanoTime();
        FaultTimeline timeline = new FaultTimeline(origin);
        FaultSchedule schedule = FaultSchedule.of(new FaultSpec.RegistryChurn("",
            new FaultTarget.Instances(1.0), Duration.ZERO, Duration.ofSeconds(2), 10, ""));
        try (FaultInjector injector = new FaultInjector(schedule, null, instances, audit, timeline, 5)) {
          injector.start(origin);
          while (System.nanoTime() - origin < 3_000_000_000L) {
            audit.sample(System.nanoTime());
            Thread.sleep(50);
          }
        }
        FaultReport r = timeline.reports(System.nanoTime(), null, audit).get(0);
        System.out.println(r.describe());
        assertThat(r.steps()).anyMatch(s -> s.matches(".*churn started \\d+, stopped \\d+"));
        assertThat(instances.liveInstanceIds()).as("churn leaves what it found").hasSize(1);
        assertThat(r.registry().lookups()).isGreaterThan(20);
      }
    }
  }
}
