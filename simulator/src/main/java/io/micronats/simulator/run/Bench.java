package io.micronats.simulator.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.micronats.nats.cluster.ExternalNatsBackend;
import io.micronats.nats.cluster.NatsCluster;
import io.micronats.nats.registry.NatsRegistry;
import io.micronats.reports.model.MetricNames;
import io.micronats.simulator.baseline.Baseline;
import io.micronats.simulator.baseline.BenchEntry;
import io.micronats.simulator.baseline.Comparisons;
import io.micronats.simulator.baseline.Figures;
import io.micronats.simulator.baseline.RawRpcPair;
import io.micronats.simulator.baseline.RpcPair;
import io.micronats.simulator.cluster.RunBackend;
import io.micronats.simulator.console.Console;
import io.micronats.simulator.fleet.FakeFleet;
import io.micronats.simulator.fleet.FleetNames;
import io.micronats.simulator.fleet.PluginSet;
import io.micronats.simulator.fleet.RpcBinding;
import io.micronats.simulator.fleet.SpiRpcBinding;
import io.micronats.simulator.load.Call;
import io.micronats.simulator.load.ForEachIndex;
import io.micronats.simulator.measure.ServerMonitor;
import io.micronats.simulator.scenario.Fleet;
import io.micronats.simulator.scenario.LatencyDistribution;
import io.micronats.simulator.scenario.LookupStrategy;
import io.micronats.simulator.scenario.Phases;
import io.micronats.simulator.workload.ClientConfigs;
import io.micronats.simulator.workload.DiscoveryWorkload;
import io.micronats.simulator.workload.Micros;
import io.micronats.simulator.workload.PhaseRecord;
import io.micronats.simulator.workload.PhaseRunner;
import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.plugin.PluginConfig;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The engine of {@code bench}: micronats against raw jnats on a local cluster (client on node 0,
 * service on node 1): RPC request/reply, broker publish/subscribe, and registry lookups per
 * strategy against a raw request/reply (the network floor of an uncached lookup). Prints a table
 * and writes {@code bench.json}.
 *
 * <p>Blocking; starts and stops everything it uses.
 */
public final class Bench {
  private static final int LOOKUP_CALLERS = 2;
  private static final int LOOKUP_INSTANCES = 2;
  private static final int LOOKUP_VERSIONS = 2;
  /** Settings key of a registry entry: the share of its lookups that returned every version and node. */
  public static final String COMPLETENESS = "completeness";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private Bench() {}

  /** Runs the plan; returns the entries written. */
  public static List<BenchEntry> run(BenchPlan plan, Console console) throws Exception {
    Files.createDirectories(plan.outputDirectory());
    Instant startedAt = Instant.now();
    console.step("bench: " + plan.implementation() + " vs raw jnats, payload " + plan.payloadBytes() + " B, "
        + plan.inFlight() + " in flight, " + plan.duration().toSeconds() + " s x " + plan.repetitions() + " interleaved pairs"
        + (plan.contend() > 0 ? ", " + plan.contend() + " contending busy threads in a separate process" : ""));
    RunBackend backend = start(plan);
    try {
      backend.describeNodes().forEach(l -> console.step("  " + l));
      int serviceNode = Math.min(1, backend.clientUrls().size() - 1);
      ClientConfigs configs = (client, index, name) -> backend.configForNode(client ? 0 : serviceNode)
          .with(PluginConfig.NAMESPACE, "sim-bench").with("name", name);
      PhaseRunner runner = new PhaseRunner(console, null, new ServerMonitor(backend.monitorUrls()));
      Comparisons comparisons = new Comparisons(runner, plan.contend());
      Phases phases = new Phases(plan.warmup(), plan.duration(), Duration.ofMillis(500));
      Baseline.Settings settings = new Baseline.Settings(plan.implementation(), plan.payloadBytes(), plan.inFlight(), phases,
          plan.repetitions(), TIMEOUT, backend.clientUrls().get(0), backend.clientUrls().get(serviceNode));
      RpcBinding binding = new SpiRpcBinding(Duration.ofSeconds(30));
      List<PhaseRecord> records = new ArrayList<>();
      List<BenchEntry> entries = new ArrayList<>();
      if (plan.only().contains("rpc")) {
        entries.add(Baseline.rpc(comparisons, settings, binding, configs, records, "bench"));
      }
      if (plan.only().contains("broker")) {
        entries.add(Baseline.broker(comparisons, settings, configs, records, "bench"));
      }
      if (plan.only().contains("registry")) {
        entries.addAll(lookups(plan, comparisons, settings, configs, binding, records, console));
      }
      Path file = plan.outputDirectory().resolve("bench.json");
      write(file, plan, backend, entries, startedAt);
      table(entries).forEach(console::line);
      console.line("bench results: " + file);
      return entries;
    } finally {
      backend.close();
    }
  }

  private static RunBackend start(BenchPlan plan) {
    if (!plan.urls().isEmpty()) {
      ExternalNatsBackend external = ExternalNatsBackend.of(plan.urls());
      external.start();
      return RunBackend.of(external, List.of(), "external " + String.join(",", plan.urls()));
    }
    NatsCluster cluster = NatsCluster.builder().nodes(plan.nodes()).build();
    try {
      cluster.start();
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
    return RunBackend.of(cluster, cluster.monitorUrls(), "local nats-server x" + plan.nodes());
  }

  private static List<BenchEntry> lookups(BenchPlan plan, Comparisons comparisons, Baseline.Settings s,
      ClientConfigs configs, RpcBinding binding, List<PhaseRecord> records, Console console) throws Exception {
    // 2 instances per service, on different connections, serving 2 versions: a lookup is complete
    // only with both versions and both nodes, from two answering registries.
    Fleet shape = Fleet.builder().services(plan.services()).endpointsPerService(1).handlerLatency(LatencyDistribution.NONE)
        .requestBytes(64).responseBytes(64).servicesPerConnection(100).topicsPerService(0).queueGroupShare(0)
        .instancesPerService(LOOKUP_INSTANCES).versionsPerService(LOOKUP_VERSIONS).nodesPerInstance(1).build();
    List<BenchEntry> entries = new ArrayList<>();
    try (FakeFleet fleet = new FakeFleet(shape, binding, g -> PluginSet.create(plan.implementation(),
        configs.config(false, g, "bench-fleet-" + g), "bench-fleet-" + g, 1), 1)) {
      console.step("registering " + plan.services() + " services (" + LOOKUP_INSTANCES + " instances, "
          + LOOKUP_VERSIONS + " versions each) for the lookup comparison");
      fleet.growTo(plan.services());
      Map<String, String> labels = s.asMap();
      labels.put(MetricNames.IN_FLIGHT, Integer.toString(LOOKUP_CALLERS));
      labels.put(MetricNames.SERVICES, Integer.toString(plan.services()));
      labels.put("instancesPerService", Integer.toString(LOOKUP_INSTANCES));
      labels.put("versionsPerService", Integer.toString(LOOKUP_VERSIONS));
      List<Figures> raw = new ArrayList<>();
      Map<LookupStrategy, List<Figures>> ours = new LinkedHashMap<>();
      // {complete, asked, queries that ended incomplete, queries that waited the window}
      Map<LookupStrategy, long[]> completeness = new LinkedHashMap<>();
      for (int rep = 0; rep < plan.repetitions(); rep++) {
        String suffix = plan.repetitions() > 1 ? "-r" + (rep + 1) : "";
        for (LookupStrategy strategy : LookupStrategy.values()) {
          PluginConfig config = configs.config(true, 0, "bench-lookup-" + strategy.yamlName())
              .with(DiscoveryWorkload.STRATEGY_SETTING, strategy.yamlName());
          try (Registry registry = Plugins.registry(plan.implementation(), config)) {
            int services = plan.services();
            if (strategy == LookupStrategy.CACHED) {
              console.step("priming the cache: one lookup of each of " + services + " services");
              ForEachIndex.run("prime", services, 16, Duration.ofMinutes(2),
                  i -> registry.getService(FleetNames.service(i)));
            }
            LongAdder complete = new LongAdder();
            LongAdder asked = new LongAdder();
            Call call = (index, intended) -> {
              List<Service> found;
              try {
                found = registry.getService(FleetNames.service(Math.floorMod(index * 7919L, services)));
              } catch (ServiceNotFoundException e) {
                found = List.of();
              }
              asked.increment();
              if (isComplete(found, shape)) {
                complete.increment();
              }
            };
            RpcPair pair = new RpcPair() {
              @Override
              public Call call() {
                return call;
              }

              @Override
              public void close() {
                // the registry is closed by the enclosing try
              }
            };
            PhaseRecord r = comparisons.rpc("bench-lookup-" + strategy.yamlName() + suffix, "discovery", pair, LOOKUP_CALLERS,
                s.phases(), TIMEOUT, labels);
            records.add(r);
            ours.computeIfAbsent(strategy, k -> new ArrayList<>()).add(Comparisons.figures(r));
            long[] c = completeness.computeIfAbsent(strategy, k -> new long[4]);
            c[0] += complete.sum();
            c[1] += asked.sum();
            if (registry instanceof NatsRegistry nats) {
              c[2] += nats.stats().queriesIncomplete(); // the registry's own count of windows that ran out short
              c[3] += nats.stats().queriesWindow();
            }
          }
        }
        try (RawRpcPair pair = new RawRpcPair(s.serviceUrl(), s.clientUrl(), 64, TIMEOUT)) {
          PhaseRecord r = comparisons.rpc("bench-lookup-raw" + suffix, "baseline-rpc", pair, LOOKUP_CALLERS, s.phases(),
              TIMEOUT, labels);
          records.add(r);
          raw.add(Comparisons.figures(r));
        }
      }
      for (Map.Entry<LookupStrategy, List<Figures>> e : ours.entrySet()) {
        long[] c = Objects.requireNonNull(completeness.get(e.getKey()), "completeness");
        Map<String, String> entryLabels = new LinkedHashMap<>(labels);
        entryLabels.put(COMPLETENESS, String.format(Locale.ROOT, "%.3f", c[1] == 0 ? 0.0 : (double) c[0] / c[1]));
        entryLabels.put("lookups", Long.toString(c[1]));
        entryLabels.put("incompleteLookups", Long.toString(c[1] - c[0]));
        entryLabels.put("queriesEndedIncomplete", Long.toString(c[2]));
        entryLabels.put("queriesWaitedWindow", Long.toString(c[3]));
        entries.add(new BenchEntry("registry." + e.getKey().yamlName(), "registry lookup of one of " + plan.services()
            + " services (" + e.getKey().yamlName() + "; " + LOOKUP_INSTANCES + " instances x " + LOOKUP_VERSIONS
            + " versions each) vs a raw jnats request/reply to one responder, the network"
            + " floor of an uncached lookup; " + LOOKUP_CALLERS + " callers",
            BenchEntry.median(e.getValue()), BenchEntry.median(raw), e.getValue(), raw, entryLabels));
      }
    }
    return entries;
  }

  /** Whether a lookup returned every version and every node the fleet serves the name with. */
  static boolean isComplete(List<Service> found, Fleet shape) {
    int nodes = found.stream().mapToInt(x -> x.nodes().size()).sum();
    long versions = found.stream().filter(x -> !x.nodes().isEmpty()).map(Service::version)
        .distinct().count();
    return nodes >= shape.expectedNodes() && versions >= shape.expectedVersions();
  }

  /** The printed table. */
  public static List<String> table(List<BenchEntry> entries) {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "%-28s %12s %12s %7s | %9s %9s %6s | %9s %9s %6s | %s", "comparison", "ours/s", "raw/s",
        "ratio", "ours p50", "raw p50", "ratio", "ours p99", "raw p99", "ratio", "complete"));
    for (BenchEntry e : entries) {
      String c = e.settings().get(COMPLETENESS);
      String flag = c == null ? "-" : c + (complete(e) ? "" : " INCOMPLETE: not comparable ("
          + e.settings().get("incompleteLookups") + " of " + e.settings().get("lookups") + " lookups; "
          + e.settings().get("queriesEndedIncomplete") + " windows ran out short, "
          + e.settings().get("queriesWaitedWindow") + " waited the window)");
      out.add(String.format(Locale.ROOT, "%-28s %12.0f %12.0f %7.3f | %9s %9s %6.2f | %9s %9s %6.2f | %s", e.name(),
          e.ours().throughput(), e.raw().throughput(), e.throughputRatio(),
          Micros.format(e.ours().p50Micros()),
          Micros.format(e.raw().p50Micros()), e.p50Ratio(),
          Micros.format(e.ours().p99Micros()),
          Micros.format(e.raw().p99Micros()), e.p99Ratio(), flag));
    }
    out.addAll(costTable(entries));
    Figures fixed = find(entries, "registry.fixed-window");
    Figures early = find(entries, "registry.early-completion");
    BenchEntry earlyEntry = entries.stream().filter(e -> e.name().equals("registry.early-completion")).findFirst().orElse(null);
    if (fixed != null && early != null && earlyEntry != null && early.p50Micros() > 0) {
      if (complete(earlyEntry)) {
        out.add(String.format(Locale.ROOT, "early-completion lookup p50 is %.1fx faster than the fixed window's",
            fixed.p50Micros() / early.p50Micros()));
      } else {
        out.add("early-completion answers were INCOMPLETE (completeness " + earlyEntry.settings().get(COMPLETENESS)
            + "): its latency is not compared with the fixed window's");
      }
    }
    for (BenchEntry e : entries) {
      if (!complete(e)) {
        out.add("WARNING: " + e.name() + " returned incomplete answers (completeness " + e.settings().get(COMPLETENESS)
            + " < 1.000); it is not ranked");
      }
    }
    return out;
  }

  /**
   * Cost per operation (CPU microseconds and bytes allocated in the bench JVM) and the per-pair
   * ratios: median [min..max] of each interleaved pair's ours/raw, with a warning when the range
   * is wider than ±10 % of the median.
   */
  public static List<String> costTable(List<BenchEntry> entries) {
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "%-28s %10s %10s %7s | %10s %10s %7s", "cost per operation", "ours us", "raw us",
        "ratio", "ours B", "raw B", "ratio"));
    for (BenchEntry e : entries) {
      out.add(String.format(Locale.ROOT, "%-28s %10.1f %10.1f %7.3f | %10.0f %10.0f %7.3f", e.name(),
          e.ours().cpuMicrosPerOp(), e.raw().cpuMicrosPerOp(), e.cpuPerOpRatio(), e.ours().allocBytesPerOp(),
          e.raw().allocBytesPerOp(), e.allocPerOpRatio()));
    }
    for (BenchEntry e : entries) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-28s", e.name() + " pairs"));
      List<String> wide = new ArrayList<>();
      e.spreads().forEach((figure, sp) -> {
        if (sp.median() > 0) {
          line.append(String.format(Locale.ROOT, " %s %.3f [%.3f..%.3f]", figure, sp.median(), sp.min(), sp.max()));
          if (sp.wide()) {
            wide.add(figure);
          }
        }
      });
      out.add(line.toString());
      for (String figure : wide) {
        BenchEntry.Spread sp = e.spread(figure);
        out.add(String.format(Locale.ROOT, "WARNING: %s %s ratio ranges %.3f..%.3f around a median of %.3f: wider than"
            + " ±10 %%, not a steady figure (pairs: %s)", e.name(), figure, sp.min(), sp.max(), sp.median(),
            sp.values().stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList()));
      }
    }
    return out;
  }

  /** Whether an entry has no completeness figure (not a lookup) or a completeness of 1.000. */
  private static boolean complete(BenchEntry e) {
    String c = e.settings().get(COMPLETENESS);
    return c == null || Double.parseDouble(c) >= 1.0;
  }

  private static @Nullable Figures find(List<BenchEntry> entries, String name) {
    return entries.stream().filter(e -> e.name().equals(name)).map(BenchEntry::ours).findFirst().orElse(null);
  }

  private static void write(Path file, BenchPlan plan, RunBackend backend, List<BenchEntry> entries, Instant startedAt)
      throws java.io.IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("kind", "micronats-bench");
    root.put("schemaVersion", 1);
    root.put("startedAt", startedAt.toString());
    root.put("environment", ResultsAssembler.environment(backend.serverVersion(), backend.description(), "spi-rpc"));
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(MetricNames.IMPLEMENTATION, plan.implementation());
    settings.put("nodes", backend.clientUrls().size());
    settings.put("payloadBytes", plan.payloadBytes());
    settings.put(MetricNames.IN_FLIGHT, plan.inFlight());
    settings.put("warmupMillis", plan.warmup().toMillis());
    settings.put("durationMillis", plan.duration().toMillis());
    settings.put("repetitions", plan.repetitions());
    settings.put("contend", plan.contend());
    settings.put("placement", "client on node 0, service on node " + Math.min(1, backend.clientUrls().size() - 1));
    root.put("settings", settings);
    List<Map<String, Object>> list = new ArrayList<>();
    for (BenchEntry e : entries) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", e.name());
      m.put("description", e.description());
      m.put("ours", e.ours());
      m.put("raw", e.raw());
      m.put("ratio", Map.of("throughput", e.throughputRatio(), "p50", e.p50Ratio(), "p99", e.p99Ratio(),
          "cpuPerOp", e.cpuPerOpRatio(), "allocPerOp", e.allocPerOpRatio()));
      m.put("settings", new java.util.TreeMap<>(e.settings()));
      m.put("repetitions", Map.of("ours", e.repetitionsOurs(), "raw", e.repetitionsRaw()));
      m.put("pairRatios", e.spreads());
      list.add(m);
    }
    root.put("entries", list);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).findAndRegisterModules();
    Files.writeString(file, json.writeValueAsString(root) + "\n");
  }
}
