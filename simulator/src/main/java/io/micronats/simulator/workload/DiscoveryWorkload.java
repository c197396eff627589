package io.micronats.simulator.workload;

import io.micronats.simulator.fleet.FakeFleet;
import io.micronats.simulator.fleet.FleetNames;
import io.micronats.simulator.load.ForEachIndex;
import io.micronats.simulator.load.OpenLoopPacer;
import io.micronats.simulator.measure.PhaseMeasurement;
import io.micronats.simulator.measure.PhaseMeter;
import io.micronats.simulator.scenario.DiscoverySpec;
import io.micronats.simulator.scenario.LookupStrategy;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The discovery workload: lookups of random fleet services at a fixed rate through a client
 * registry using each lookup strategy in turn (time to answer; completeness = the share of lookups
 * that returned every version and every node the fleet serves the name with, counted per lookup
 * as expected vs returned versions and nodes), and register-to-visible / deregister-to-gone probes.
 *
 * <p>Run from the control thread; the lookups run on the pacer's workers.
 */
public final class DiscoveryWorkload {
  /** Plugin setting that selects the registry's lookup strategy. */
  public static final String STRATEGY_SETTING = "strategy";
  /** Plugin setting with the broadcast query window. */
  public static final String WINDOW_SETTING = "window";
  private static final Duration PROBE_DEADLINE = Duration.ofSeconds(5);
  private static final int LOOKUP_WORKERS = 32;

  private static final long AUDIT_PROBE_NANOS = 100_000_000L;
  private static final int AUDIT_PROBES_PER_ROUND = 4;

  private final Scenario scenario;
  private final PhaseRunner runner;
  private final ClientConfigs configs;
  private final @Nullable LookupObserver audit;

  /** A workload for {@code scenario} without fault accounting. */
  public DiscoveryWorkload(Scenario scenario, PhaseRunner runner, ClientConfigs configs) {
    this(scenario, runner, configs, FaultObservers.NONE);
  }

  /**
   * A workload for {@code scenario} that also tells {@code observers.lookups()} about every lookup
   * (checked against the fleet's truth: live instances missing, dead ones returned, staleness), and
   * while a phase runs looks up, a few every 100 ms through the same registry, the services whose
   * accounting is open (a dead instance not yet gone, a new one not yet seen).
   */
  public DiscoveryWorkload(Scenario scenario, PhaseRunner runner, ClientConfigs configs, FaultObservers observers) {
    this.scenario = scenario;
    this.runner = runner;
    this.configs = configs;
    this.audit = observers.lookups();
  }

  /** Settings of a client registry using {@code strategy}. */
  PluginConfig registryConfig(LookupStrategy strategy, String name) {
    return configs.config(true, 0, name).with(STRATEGY_SETTING, strategy.yamlName())
        .with(WINDOW_SETTING, scenario.registry().window().toMillis() + "ms");
  }

  /** Measures lookups at the fleet's current size with every configured strategy. */
  public List<PhaseRecord> measureLookups(FakeFleet fleet) throws Exception {
    DiscoverySpec spec = scenario.workloads().discovery();
    int services = fleet.size();
    List<PhaseRecord> records = new ArrayList<>();
    for (LookupStrategy strategy : spec.strategies()) {
      try (Registry registry = Plugins.registry(scenario.implementation(), registryConfig(strategy, "discovery-" + strategy.yamlName()))) {
        Map<String, String> prime = strategy == LookupStrategy.CACHED ? prime(registry, services) : Map.of();
        records.add(lookups(registry, strategy, services, spec, prime));
      }
    }
    return records;
  }

  /**
   * Looks every service up once so that a cached registry measures repeated lookups, as an RPC
   * caller's would be; returns labels with the time it took.
   */
  private Map<String, String> prime(Registry registry, int services) throws InterruptedException {
    runner.console().step("priming the cache: one lookup of each of " + services + " services");
    ForEachIndex.Result r = ForEachIndex.run("prime", services,
        16, Duration.ofMinutes(2), i -> registry.getService(FleetNames.service(i)));
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("cachePrimeMillis", Long.toString(r.millis()));
    labels.put("cachePrimeFailures", Long.toString(r.failed()));
    return labels;
  }

  // "try": the audit probe runs for the phase's scope and is never referenced inside it.
  @SuppressWarnings("try")
  private PhaseRecord lookups(Registry registry, LookupStrategy strategy, int services, DiscoverySpec spec,
      Map<String, String> extraLabels) throws Exception {
    int expectedNodes = scenario.fleet().expectedNodes();
    int expectedVersions = scenario.fleet().expectedVersions();
    // The ordinal only varies the seed per strategy; changing it would change every recorded run's targets.
    @SuppressWarnings("EnumOrdinal")
    long seed = scenario.seed() ^ strategy.ordinal();
    Load load = (start, end, meter) -> OpenLoopPacer.run("lookup", spec.rate(), LOOKUP_WORKERS, start, end,
        scenario.registry().window().plus(Duration.ofSeconds(2)), (index, intended) -> {
          String name = FleetNames.service(Mix.below(seed, index, services));
          List<Service> found;
          try {
            found = registry.getService(name);
          } catch (ServiceNotFoundException e) {
            // the service is registered: not finding it is an incomplete answer, counted, not an error
            meter.count("notFound", intended);
            found = List.of();
          }
          int nodes = found.stream().mapToInt(s -> s.nodes().size()).sum();
          long versions = found.stream().filter(s -> !s.nodes().isEmpty()).map(Service::version).distinct().count();
          audit(name, found);
          meter.count(nodes >= expectedNodes && versions >= expectedVersions ? "complete" : "incomplete", intended);
          meter.add("nodesReturned", meter.inWindow(intended) ? nodes : 0);
          meter.add("versionsReturned", meter.inWindow(intended) ? versions : 0);
        }, meter);
    Map<String, String> labels = labels(strategy, services);
    labels.putAll(extraLabels);
    PhaseRecord r;
    try (AuditProbe probe = new AuditProbe(registry)) {
      r = runner.run("discovery-" + strategy.yamlName() + "-" + services, "discovery", false, spec.rate(),
          LOOKUP_WORKERS, spec.phases(), "lookup", load, labels);
    }
    Map<String, Double> rates = new LinkedHashMap<>(r.rates());
    long complete = r.measurement().count("complete");
    long incomplete = r.measurement().count("incomplete");
    rates.put("completeness", complete + incomplete == 0 ? 0 : (double) complete / (complete + incomplete));
    long asked = complete + incomplete;
    rates.put("nodesReturnedPerLookup", asked == 0 ? 0 : (double) r.measurement().count("nodesReturned") / asked);
    rates.put("versionsReturnedPerLookup", asked == 0 ? 0 : (double) r.measurement().count("versionsReturned") / asked);
    rates.put("nodesExpectedPerLookup", (double) expectedNodes);
    rates.put("versionsExpectedPerLookup", (double) expectedVersions);
    return r.toBuilder().rates(rates).build();
  }

  /**
   * Times {@code churnProbes} registrations until a lookup through each strategy's client
   * registry returns them, and deregistrations until lookups no longer do.
   */
  public List<PhaseRecord> measureChurn(FakeFleet fleet, Registry registrar) throws Exception {
    DiscoverySpec spec = scenario.workloads().discovery();
    List<PhaseRecord> records = new ArrayList<>();
    if (spec.churnProbes() == 0) {
      return records;
    }
    for (LookupStrategy strategy : spec.strategies()) {
      try (Registry registry = Plugins.registry(scenario.implementation(), registryConfig(strategy, "churn-" + strategy.yamlName()))) {
        records.add(churn(registry, registrar, strategy, fleet.size(), spec.churnProbes()));
      }
    }
    return records;
  }

  private PhaseRecord churn(Registry reader, Registry writer, LookupStrategy strategy, int services, int probes)
      throws InterruptedException {
    long begin = System.nanoTime();
    PhaseMeter meter = new PhaseMeter("registerToVisible", begin, begin + Duration.ofHours(1).toNanos(), null);
    RegisterOptions options = RegisterOptions.ttl(scenario.registry().ttl());
    runner.console().step("discovery-churn-" + strategy.yamlName() + ": " + probes + " register/deregister probes");
    for (int k = 0; k < probes; k++) {
      String name = "probe-" + strategy.yamlName() + "-" + k;
      Service probe = Service.of(name, "1.0.0", Node.of(name + "-0", "probe." + name));
      long t0 = System.nanoTime();
      writer.register(probe, options);
      long visible = waitUntil(() -> visible(reader, name));
      if (visible < 0) {
        meter.add("visibleTimeouts", 1);
      } else {
        meter.record("registerToVisible", t0, visible - t0);
      }
      long t1 = System.nanoTime();
      writer.deregister(probe);
      long gone = waitUntil(() -> !visible(reader, name));
      if (gone < 0) {
        meter.add("goneTimeouts", 1);
      } else {
        meter.record("deregisterToGone", t1, gone - t1);
      }
      meter.add("successes", 1);
    }
    long end = System.nanoTime();
    PhaseMeasurement raw = meter.finish(end);
    PhaseMeasurement m = new PhaseMeasurement(raw.primary(), end - begin, raw.histograms(), raw.counts(), raw.series());
    Map<String, String> labels = labels(strategy, services);
    labels.put("mode", "closed (one probe at a time)");
    return PhaseRecord.builder().name("discovery-churn-" + strategy.yamlName()).workload("discovery-churn").closed(true)
        .targetRate(0).concurrency(1).measurement(m).counts(Map.of("probes", (long) probes)).labels(labels).build();
  }

  private void audit(String service, List<Service> found) {
    LookupObserver a = audit;
    if (a == null) {
      return;
    }
    Set<String> ids = new HashSet<>();
    for (Service s : found) {
      for (Node n : s.nodes()) {
        // the fleet's instance id travels in the node's metadata; the registry id has a random suffix
        ids.add(n.metadata().getOrDefault("node", n.id()));
      }
    }
    a.lookedUp(System.nanoTime(), service, ids);
  }

  /**
   * While a lookup phase runs with an audit, looks up the audit's open services a few at a time
   * every 100 ms on its own daemon thread; {@link #close()} stops it within a second.
   */
  private final class AuditProbe implements AutoCloseable {
    private final @org.jspecify.annotations.Nullable Thread thread;
    private volatile boolean running = true;

    AuditProbe(Registry registry) {
      if (audit == null) {
        thread = null;
        return;
      }
      thread = new Thread(() -> {
        int round = 0;
        while (running && round < 10_000_000) {
          LookupObserver a = audit;
          for (String service : a == null ? List.<String>of() : a.watchedServices(AUDIT_PROBES_PER_ROUND, round)) {
            try {
              audit(service, registry.getService(service));
            } catch (ServiceNotFoundException e) {
              audit(service, List.of());
            } catch (RuntimeException e) {
              // a failing lookup tells nothing about staleness; the next round retries
            }
          }
          round++;
          LockSupport.parkNanos(AUDIT_PROBE_NANOS);
        }
      }, "registry-audit-probe");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() {
      running = false;
      if (thread != null) {
        try {
          thread.join(1_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();  // the caller's next wait sees it
        }
      }
    }
  }

  private Map<String, String> labels(LookupStrategy strategy, int services) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("strategy", strategy.yamlName());
    labels.put("services", Integer.toString(services));
    labels.put("window", scenario.registry().window().toMillis() + "ms");
    labels.put("instancesPerService", Integer.toString(scenario.fleet().instancesPerService()));
    labels.put("versionsPerService", Integer.toString(scenario.fleet().versionsPerService()));
    labels.put("nodesPerInstance", Integer.toString(scenario.fleet().nodesPerInstance()));
    return labels;
  }

  private static boolean visible(Registry registry, String name) {
    try {
      return registry.getService(name).stream().anyMatch(s -> !s.nodes().isEmpty());
    } catch (ServiceNotFoundException e) {
      return false;
    }
  }

  /** Polls until the condition holds; the time it first held, or -1 after the deadline. */
  private static long waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PROBE_DEADLINE.toNanos();
    for (int polls = 0; polls < 20_000; polls++) {
      if (condition.getAsBoolean()) {
        return System.nanoTime();
      }
      if (System.nanoTime() > deadline) {
        return -1;
      }
      LockSupport.parkNanos(1_000_000L);
      if (Thread.interrupted()) {
        throw new InterruptedException("churn probe interrupted");
      }
    }
    return -1;
  }
}
