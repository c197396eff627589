package io.micronats.simulator.run;

import io.micronats.reports.model.Comparison;
import io.micronats.reports.model.Fault;
import io.micronats.reports.model.MetricNames;
import io.micronats.reports.model.ResultsWriter;
import io.micronats.reports.model.RunResult;
import io.micronats.simulator.baseline.Baseline;
import io.micronats.simulator.cluster.RunBackend;
import io.micronats.simulator.console.Console;
import io.micronats.simulator.fault.DeliveryLedger;
import io.micronats.simulator.fault.FaultPhaseListener;
import io.micronats.simulator.fault.FaultRecords;
import io.micronats.simulator.fault.FaultReport;
import io.micronats.simulator.fault.FaultResults;
import io.micronats.simulator.fault.FaultSession;
import io.micronats.simulator.fault.FleetInstances;
import io.micronats.simulator.fault.RegistryAudit;
import io.micronats.simulator.fleet.FakeFleet;
import io.micronats.simulator.fleet.PluginSet;
import io.micronats.simulator.fleet.RpcBinding;
import io.micronats.simulator.fleet.SpiRpcBinding;
import io.micronats.simulator.load.LoadPlan;
import io.micronats.simulator.measure.ServerMonitor;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.workload.BrokerWorkload;
import io.micronats.simulator.workload.ClientConfigs;
import io.micronats.simulator.workload.DiscoveryWorkload;
import io.micronats.simulator.workload.FaultObservers;
import io.micronats.simulator.workload.PhaseRecord;
import io.micronats.simulator.workload.PhaseRunner;
import io.micronats.simulator.workload.RpcWorkload;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.registry.Registry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The engine of {@code simulate} and {@code demo}: starts the backend, the fleet, runs the
 * discovery, RPC and broker workloads and the raw baseline, and writes {@code results.json} and
 * the histogram logs.
 *
 * <pre>{@code
 * SimulationResult r = Simulation.run(plan, new Console(out, true, 2));
 * }</pre>
 *
 * <p>Blocking; owns every thread, connection and process it starts and stops them before
 * returning, also on failure.
 */
public final class Simulation {
  private Simulation() {}

  /**
   * Runs the plan.
   *
   * @throws InterruptedException when interrupted; everything started is stopped
   * @throws IOException when results cannot be written
   */
  public static SimulationResult run(LoadPlan plan, Console console) throws Exception {
    Scenario s = plan.scenario();
    Instant startedAt = Instant.now();
    long t0 = System.nanoTime();
    Path out = plan.outputDirectory();
    Files.createDirectories(out);
    Path histograms = plan.histogramLogs() ? out.resolve("histograms") : null;
    console.step("scenario " + s.name() + ": implementation " + s.implementation() + ", " + s.fleet().services()
        + " services x " + s.fleet().instancesPerService() + " instance(s), " + s.layout().nodes() + " node(s)");
    String namespace = "sim-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    RunBackend backend = null;
    try {
      if (s.needsNats()) {
        console.step("starting NATS backend (" + s.layout().backend().name().toLowerCase(Locale.ROOT) + ")");
        backend = RunBackend.start(s.layout(), plan.externalUrls());
        backend.describeNodes().forEach(l -> console.step("  " + l));
      }
      ServerMonitor monitor = new ServerMonitor(backend == null ? List.of() : backend.monitorUrls());
      ClientConfigs configs = ClientConfigs.placed(s, backend, namespace);
      PhaseRunner runner = new PhaseRunner(console, histograms, monitor);
      RpcBinding binding = new SpiRpcBinding(s.registry().ttl());
      Map<String, String> labels = new LinkedHashMap<>();
      List<PhaseRecord> records = new ArrayList<>();
      List<Comparison> comparisons = new ArrayList<>();
      List<Fault> faultResults = new ArrayList<>();
      int groupNodes = s.layout().serviceNodes().size();
      try (FakeFleet fleet = new FakeFleet(s.fleet(), binding, g -> PluginSet.create(s.implementation(),
          configs.config(false, g, "fleet-" + g), "fleet-" + g, s.layout().serviceNodes().get(g % groupNodes)), s.seed())) {
        FleetInstances instances = new FleetInstances(fleet);
        // instance faults are accounted against the registry: every discovery lookup is checked
        RegistryAudit audit = s.faults().faults().stream()
            .anyMatch(f -> f.kind().needsInstances())
            ? RegistryAudit.scoped(instances::liveOf,
                FleetInstances::serviceOf)
            : null;
        FaultSession faults = s.faults().isEmpty() ? null
            : FaultSession.open(s.faults(),
                backend == null ? null : backend.localCluster().orElse(null), instances, audit, s.seed());
        DeliveryLedger ledger = faults == null ? null
            : new DeliveryLedger(5_000_000);
        if (faults != null) {
          console.step("faults: " + s.faults().faults().size() + " scheduled");
          runner.listener(new FaultPhaseListener(faults));
        }
        try {
        runWorkloads(s, console, configs, runner, fleet, records, labels, observers(ledger, faults));
        if (s.workloads().baseline().enabled()) {
          if (backend == null) {
            console.step("baseline skipped: the implementation '" + s.implementation() + "' uses no NATS servers");
          } else {
            RunBackend started = backend;
            guarded("baseline", console, labels, () -> {
              Baseline.Outcome b = Baseline.run(s, started, runner, configs, binding);
              records.addAll(b.phases());
              comparisons.addAll(b.comparisons());
            });
          }
        }
        } finally {
          runner.listener(null);
          if (faults != null) {
            faults.close();
          }
        }
        if (faults != null) {
          List<FaultReport> reports = faults.reports(System.nanoTime(), ledger);
          labels.put(MetricNames.FAULTS, Integer.toString(reports.size()));
          faultResults.addAll(FaultResults.of(reports));
          double publishRate = s.workloads().broker().ratePerPublisher() * s.workloads().broker().publishers();
          for (FaultReport r : reports) {
            console.line("fault " + r.describe().strip().replace("\n", "\n  "));
            if (r.broker().sent() > 0) {
              console.line("  " + FaultRecords.ruleOfThumb(r, publishRate));
            }
          }
        }
      }
      String serverVersion = backend == null ? "none" : backend.serverVersion();
      labels.putAll(ResultsAssembler.scenarioLabels(s));
      RunResult run = ResultsAssembler.results(s, ResultsAssembler.environment(serverVersion,
              backend == null ? "in-process" : backend.description(), binding.name()), startedAt)
          .labels(labels).phases(records).comparisons(comparisons).faults(faultResults).build();
      Path file = out.resolve("results.json");
      ResultsWriter.write(run, file);
      List<Path> logs = histograms == null || !Files.isDirectory(histograms) ? List.of() : list(histograms);
      Duration wall = Duration.ofNanos(System.nanoTime() - t0);
      return new SimulationResult(run, file, logs, wall, Summary.lines(run, records, wall));
    } finally {
      if (backend != null) {
        backend.close();
      }
    }
  }

  private static void runWorkloads(Scenario s, Console console, ClientConfigs configs, PhaseRunner runner,
      FakeFleet fleet, List<PhaseRecord> records, Map<String, String> labels, FaultObservers observers)
      throws Exception {
    TreeSet<Integer> sizes = new TreeSet<>();
    sizes.add(s.fleet().services());
    if (s.workloads().discovery().enabled()) {
      sizes.addAll(s.workloads().discovery().sweep());
    }
    DiscoveryWorkload discovery = new DiscoveryWorkload(s, runner, configs, observers);
    for (int size : sizes) {
      grow(console, fleet, size, labels);
      if (s.workloads().discovery().enabled() && ((size == s.fleet().services() && s.workloads().discovery().sweep().isEmpty())
          || s.workloads().discovery().sweep().contains(size))) {
        guarded("discovery-" + size, console, labels, () -> records.addAll(discovery.measureLookups(fleet)));
      }
    }
    labels.putAll(FleetStats.idleCost(2.0));
    labels.put(MetricNames.FLEET_MAX_SERVICES, Integer.toString(fleet.size()));
    labels.put(MetricNames.FLEET_CONNECTIONS, Integer.toString(fleet.connections()));
    console.step("fleet of " + fleet.size() + " services held with " + labels.get(MetricNames.SIMULATOR_THREADS) + " threads, heap "
        + labels.get(MetricNames.SIMULATOR_HEAP_USED_MIB) + " MiB, idle CPU " + labels.get(MetricNames.SIMULATOR_IDLE_CPU_CORES) + " cores");
    if (s.workloads().discovery().enabled() && s.workloads().discovery().churnProbes() > 0) {
      guarded("discovery-churn", console, labels, () -> {
        try (Registry registrar = Plugins.registry(s.implementation(), configs.config(false, 0, "registrar"))) {
          records.addAll(discovery.measureChurn(fleet, registrar));
        }
      });
    }
    if (fleet.size() > s.fleet().services()) {
      console.step("shrinking the fleet back to " + s.fleet().services() + " services");
      fleet.shrinkTo(s.fleet().services());
    }
    if (s.workloads().rpc().enabled()) {
      guarded("rpc", console, labels, () -> rpc(s, configs, runner, fleet, records, labels));
    }
    if (s.workloads().broker().enabled()) {
      guarded("broker", console, labels, () -> {
        records.add(new BrokerWorkload(s, runner, configs, observers).run());
      });
    }
  }

  /** What the workloads tell the run's fault accounting: nothing when no fault is scheduled. */
  private static FaultObservers observers(@Nullable DeliveryLedger ledger, @Nullable FaultSession faults) {
    return faults == null ? FaultObservers.NONE : new FaultObservers(ledger, faults.timeline(), faults.audit());
  }

  /** A workload step that may fail without losing the rest of the run. */
  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  /**
   * Runs a workload; a failure (other than an interrupt) is reported, recorded as the label
   * {@code failure.NAME} and the run goes on, so that results of the other workloads are kept.
   */
  private static void guarded(String name, Console console, Map<String, String> labels, Step step) throws InterruptedException {
    try {
      step.run();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      labels.put("failure." + name, e.toString());
      console.line("FAILED " + name + ": " + e);
    }
  }

  private static void rpc(Scenario s, ClientConfigs configs, PhaseRunner runner, FakeFleet fleet, List<PhaseRecord> records,
      Map<String, String> labels) throws Exception {
    List<PluginSet> clients = new ArrayList<>();
    try {
      for (int i = 0; i < s.layout().clientNodes().size(); i++) {
        PluginConfig config = configs.config(true, i, "rpc-client-" + i)
            .with(DiscoveryWorkload.STRATEGY_SETTING, s.registry().strategy().yamlName());
        clients.add(PluginSet.create(s.implementation(), config, "rpc-client-" + i, s.layout().clientNodes().get(i)));
      }
      List<PhaseRecord> rpc = new RpcWorkload(s, runner, clients).run(fleet);
      records.addAll(rpc);
      double knee = RpcWorkload.knee(rpc);
      if (rpc.size() > 1 && knee > 0) {
        labels.put(MetricNames.RPC_KNEE, PhaseRunner.fmt(knee));
      }
    } finally {
      clients.forEach(PluginSet::close);
    }
  }

  private static void grow(Console console, FakeFleet fleet, int size, Map<String, String> labels) throws Exception {
    if (fleet.size() >= size) {
      return;
    }
    console.step("starting fake services: " + fleet.size() + " -> " + size);
    long begin = System.nanoTime();
    fleet.growTo(size);
    double seconds = (System.nanoTime() - begin) / 1e9;
    labels.put("fleet.start." + size, String.format(Locale.ROOT, "%.2fs", seconds));
    console.step(String.format(Locale.ROOT, "fleet at %d services (%.1f s, %d connections)", size, seconds,
        fleet.connections()));
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }
}
