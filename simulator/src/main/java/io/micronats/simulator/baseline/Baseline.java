package io.micronats.simulator.baseline;

import io.micronats.reports.model.Better;
import io.micronats.reports.model.Comparison;
import io.micronats.simulator.cluster.RunBackend;
import io.micronats.simulator.fleet.PluginSet;
import io.micronats.simulator.fleet.RpcBinding;
import io.micronats.simulator.scenario.BaselineSpec;
import io.micronats.simulator.scenario.Phases;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.workload.ClientConfigs;
import io.micronats.simulator.workload.PhaseRecord;
import io.micronats.simulator.workload.PhaseRunner;
import io.micronats.spi.plugin.Plugins;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw-jnats baseline of a simulation: request/reply and publish/subscribe measured through
 * micronats and through raw jnats with the same payload, concurrency and placement (client on
 * the first client node, service on the first service node), so that results carry ratios.
 *
 * <p>Used from the control thread.
 */
public final class Baseline {
  private Baseline() {}

  /**
   * What the baseline produced. Immutable.
   *
   * @param phases the measured phases (ours and raw, per repetition)
   * @param comparisons ratios of the median figures
   * @param entries the same comparisons as bench entries
   */
  public record Outcome(List<PhaseRecord> phases, List<Comparison> comparisons, List<BenchEntry> entries) {}

  /** Runs the baseline of {@code scenario} on {@code backend}. */
  public static Outcome run(Scenario scenario, RunBackend backend, PhaseRunner runner, ClientConfigs configs,
      RpcBinding binding) throws Exception {
    BaselineSpec spec = scenario.workloads().baseline();
    int clientNode = scenario.layout().clientNodes().get(0);
    int serviceNode = scenario.layout().serviceNodes().get(0);
    Settings settings = new Settings(scenario.implementation(), spec.payloadBytes(), spec.inFlight(),
        new Phases(Duration.ofSeconds(1), spec.duration(), Duration.ofMillis(500)), spec.repetitions(),
        scenario.workloads().rpc().timeout(), backend.clientUrls().get(clientNode), backend.clientUrls().get(serviceNode));
    List<PhaseRecord> phases = new ArrayList<>();
    List<BenchEntry> entries = new ArrayList<>();
    Comparisons comparisons = new Comparisons(runner);
    entries.add(rpc(comparisons, settings, binding, configs, phases, "baseline"));
    entries.add(broker(comparisons, settings, configs, phases, "baseline"));
    return new Outcome(phases, toComparisons(entries), entries);
  }

  /**
   * Settings shared by every comparison. Immutable.
   *
   * @param implementation plugin name
   * @param payload payload bytes
   * @param inFlight callers of the closed loop
   * @param phases warm-up, measured and cool-down of each repetition
   * @param repetitions repetitions of each side
   * @param timeout request timeout
   * @param clientUrl the client node's URL
   * @param serviceUrl the service node's URL
   */
  public record Settings(String implementation, int payload, int inFlight, Phases phases, int repetitions, Duration timeout,
      String clientUrl, String serviceUrl) {
    public Map<String, String> asMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("payloadBytes", Integer.toString(payload));
      m.put("inFlight", Integer.toString(inFlight));
      m.put("warmup", phases.warmup().toMillis() + "ms");
      m.put("duration", phases.measured().toMillis() + "ms");
      m.put("repetitions", Integer.toString(repetitions));
      m.put("clientUrl", clientUrl);
      m.put("serviceUrl", serviceUrl);
      m.put("placement", clientUrl.equals(serviceUrl) ? "same node" : "client and service on different nodes");
      return m;
    }
  }

  public static BenchEntry rpc(Comparisons c, Settings s, RpcBinding binding, ClientConfigs configs, List<PhaseRecord> phases,
      String prefix) throws Exception {
    List<Figures> ours = new ArrayList<>();
    List<Figures> raw = new ArrayList<>();
    Map<String, String> labels = s.asMap();
    for (int rep = 0; rep < s.repetitions(); rep++) {
      String suffix = s.repetitions() > 1 ? "-r" + (rep + 1) : "";
      try (OursRpcPair pair = new OursRpcPair(binding,
          PluginSet.create(s.implementation(), configs.config(false, 0, "bench-server-" + rep), "bench-server", 0),
          PluginSet.create(s.implementation(), configs.config(true, 0, "bench-client-" + rep), "bench-client", 0),
          s.payload(), s.timeout())) {
        PhaseRecord r = c.rpc(prefix + "-rpc-ours" + suffix, "rpc", pair, s.inFlight(), s.phases(), s.timeout(), labels);
        phases.add(r);
        ours.add(Comparisons.figures(r));
      }
      try (RawRpcPair pair = new RawRpcPair(s.serviceUrl(), s.clientUrl(), s.payload(), s.timeout())) {
        PhaseRecord r = c.rpc(prefix + "-rpc-raw" + suffix, "baseline-rpc", pair, s.inFlight(), s.phases(), s.timeout(), labels);
        phases.add(r);
        raw.add(Comparisons.figures(r));
      }
    }
    return new BenchEntry("rpc", "request/reply, closed loop of " + s.inFlight() + " callers, " + s.payload()
        + "-byte payloads: RpcClient/RpcServer over the transport vs jnats Connection.request + Dispatcher",
        BenchEntry.median(ours), BenchEntry.median(raw), ours, raw, labels);
  }

  public static BenchEntry broker(Comparisons c, Settings s, ClientConfigs configs, List<PhaseRecord> phases, String prefix)
      throws Exception {
    List<Figures> ours = new ArrayList<>();
    List<Figures> raw = new ArrayList<>();
    Map<String, String> labels = s.asMap();
    labels.put("inFlight", "1 publisher, as fast as it can");
    for (int rep = 0; rep < s.repetitions(); rep++) {
      String suffix = s.repetitions() > 1 ? "-r" + (rep + 1) : "";
      String topic = "sim.bench.broker." + rep;
      int r0 = rep;
      PhaseRecord o = c.flatOut(prefix + "-broker-ours" + suffix, "broker", sink -> {
        var pub = Plugins.broker(s.implementation(), configs.config(true, 0, "bench-pub-" + r0));
        var sub = Plugins.broker(s.implementation(), configs.config(false, 0, "bench-sub-" + r0));
        pub.connect();
        sub.connect();
        return PubSubPair.ours(pub, sub, topic, sink);
      }, s.payload(), s.phases(), labels);
      phases.add(o);
      ours.add(Comparisons.figures(o));
      PhaseRecord r = c.flatOut(prefix + "-broker-raw" + suffix, "baseline-broker",
          sink -> PubSubPair.raw(s.clientUrl(), s.serviceUrl(), topic + ".raw", sink), s.payload(), s.phases(), labels);
      phases.add(r);
      raw.add(Comparisons.figures(r));
    }
    return new BenchEntry("broker", "publish/subscribe, 1 publisher as fast as it can to 1 subscriber, " + s.payload()
        + "-byte messages: the plugin's Broker vs jnats publish + Dispatcher; throughput = delivered/s",
        BenchEntry.median(ours), BenchEntry.median(raw), ours, raw, labels);
  }

  /** Comparisons (throughput, p50, p99) for the results file. */
  public static List<Comparison> toComparisons(List<BenchEntry> entries) {
    List<Comparison> out = new ArrayList<>();
    for (BenchEntry e : entries) {
      if (e.raw().throughput() > 0) {
        out.add(Comparison.of(e.name() + " throughput", e.ours().throughput(), e.raw().throughput(), "ops/s", Better.HIGHER));
      }
      if (e.raw().p50Micros() > 0) {
        out.add(Comparison.of(e.name() + " p50", e.ours().p50Micros(), e.raw().p50Micros(), "us", Better.LOWER));
      }
      if (e.raw().p99Micros() > 0) {
        out.add(Comparison.of(e.name() + " p99", e.ours().p99Micros(), e.raw().p99Micros(), "us", Better.LOWER));
      }
    }
    return out;
  }
}
