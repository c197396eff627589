package io.micronats.simulator.agent;

import io.micronats.simulator.cluster.RunBackend;
import io.micronats.simulator.console.Console;
import io.micronats.simulator.fleet.FakeFleet;
import io.micronats.simulator.fleet.PluginSet;
import io.micronats.simulator.fleet.SpiRpcBinding;
import io.micronats.simulator.measure.CpuMeter;
import io.micronats.simulator.measure.ServerMonitor;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.workload.ClientConfigs;
import io.micronats.simulator.workload.DiscoveryWorkload;
import io.micronats.simulator.workload.PhaseRecord;
import io.micronats.simulator.workload.PhaseRunner;
import io.micronats.simulator.workload.RpcWorkload;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.registry.Registry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an agent does with its {@link Assignment}: hosts its share of the fleet through
 * {@link FakeFleet} (registry registration, RPC servers over the transport, broker subscribers;
 * the plugin named by the scenario), then runs its share of each enabled workload with the
 * simulator's own workload classes, every phase starting at the coordinator's go:
 * {@link DiscoveryWorkload} (lookups of the whole fleet; churn probes on agent 0),
 * {@link RpcWorkload} (RpcClient calls to services of the whole fleet, so calls cross agents)
 * and {@link AgentBroker}. Barriers also separate the fleet start and each workload, and a last
 * one keeps every agent's services up until every agent's load is over.
 *
 * <p>Blocking, on the agent's control thread; closes everything it starts.
 */
final class AgentRun {
  private AgentRun() {}

  /** Runs the share; the report has no error (failures are thrown). */
  static AgentReport run(Assignment a, RunBackend backend, AgentLink link, Console console, String host)
      throws Exception {
    long begin = System.nanoTime();
    Scenario whole = ScenarioCodec.read(a.scenario());
    Scenario mine = ShareScenario.of(whole, a);
    ClientConfigs configs = configs(mine, backend, a.namespace(), a.agent());
    PhaseRunner runner = new PhaseRunner(console, null, new ServerMonitor(List.of()));
    runner.startGate(link::awaitStart);
    CountingBinding binding = new CountingBinding(new SpiRpcBinding(whole.registry().ttl()), a::hosts);
    List<Integer> serviceNodes = whole.layout().serviceNodes();
    List<PhaseRecord> records = new ArrayList<>();
    AgentBroker.Measured broker = null;
    Map<String, Long> counts = new LinkedHashMap<>();
    try (FakeFleet fleet = new FakeFleet(whole.fleet(), binding, g -> PluginSet.create(whole.implementation(),
        configs.config(false, g + a.index(), "fleet-" + g), a.agent() + "-fleet-" + g,
        serviceNodes.get(Math.floorMod(g + a.index(), serviceNodes.size()))), whole.seed() + a.index(), a::hosts)) {
      link.doing("starting fake services " + a.servicesFrom() + ".." + a.servicesTo());
      console.step("agent " + a.agent() + ": hosting " + a.describe());
      fleet.growTo(a.totalServices());
      counts.putAll(idleCost());
      link.barrier("fleet", "fleet");
      if (mine.workloads().discovery().enabled()) {
        link.barrier("discovery workload", "workload");
        DiscoveryWorkload discovery = new DiscoveryWorkload(mine, runner, configs);
        records.addAll(discovery.measureLookups(fleet));
        if (mine.workloads().discovery().churnProbes() > 0) {
          try (Registry registrar = Plugins.registry(mine.implementation(), configs.config(false, 0, "registrar"))) {
            records.addAll(discovery.measureChurn(fleet, registrar));
          }
        }
      }
      if (mine.workloads().rpc().enabled()) {
        link.barrier("rpc workload", "workload");
        records.addAll(rpc(mine, configs, runner, fleet, a));
      }
      if (mine.workloads().broker().enabled()) {
        link.barrier("broker workload", "workload");
        broker = new AgentBroker(mine, a, runner, configs, link, new EpochClock()).run();
        records.add(broker.record());
      }
      link.barrier("finish", "finish");
      counts.put("hostedServices", (long) (a.servicesTo() - a.servicesFrom()));
      counts.put("served", fleet.requestsHandled());
      counts.put("fleetEvents", fleet.eventsReceived());
      counts.put("fleetConnections", (long) fleet.connections());
      counts.put("localCalls", binding.localCalls());
      counts.put("remoteCalls", binding.remoteCalls());
    }
    List<PhaseReport> phases = records.stream().map(PhaseReport::of).toList();
    return AgentReport.builder().run(a.run()).agent(a.agent()).index(a.index()).host(host).phases(phases)
        .broker(broker == null ? null : broker.tally()).counts(counts).elapsedMillis((System.nanoTime() - begin) / 1_000_000L)
        .build();
  }

  /** What holding the fleet share costs this agent: idle CPU over 1 s (milli-cores), heap, threads. */
  private static Map<String, Long> idleCost() throws InterruptedException {
    CpuMeter.Snapshot before = CpuMeter.snapshot();
    Thread.sleep(1_000);
    double cores = CpuMeter.snapshot().coresSince(before);
    Runtime rt = Runtime.getRuntime();
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("idleCpuMilliCores", Math.round(cores * 1000));
    out.put("heapUsedMiB", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    out.put("threads", (long) java.lang.management.ManagementFactory.getThreadMXBean().getThreadCount());
    return out;
  }

  private static List<PhaseRecord> rpc(Scenario s, ClientConfigs configs, PhaseRunner runner, FakeFleet fleet,
      Assignment a) throws Exception {
    List<PluginSet> clients = new ArrayList<>();
    try {
      List<Integer> nodes = s.layout().clientNodes();
      for (int i = 0; i < nodes.size(); i++) {
        PluginConfig config = configs.config(true, i, "rpc-client-" + i)
            .with(DiscoveryWorkload.STRATEGY_SETTING, s.registry().strategy().yamlName());
        clients.add(PluginSet.create(s.implementation(), config, a.agent() + "-rpc-client-" + i, nodes.get(i)));
      }
      return new RpcWorkload(s, runner, clients).run(fleet);
    } finally {
      clients.forEach(PluginSet::close);
    }
  }

  /**
   * Plugin settings placing each participant on the layout's nodes (the agent's URLs in node
   * order), in the run's namespace, with connection names prefixed by the agent's name.
   */
  static ClientConfigs configs(Scenario s, @Nullable RunBackend backend, String namespace, String agent) {
    ClientConfigs placed = ClientConfigs.placed(s, backend, namespace);
    return (client, index, name) -> placed.config(client, index, agent + "-" + name);
  }

}
