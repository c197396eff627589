package io.micronats.simulator.run;

import io.micronats.reports.model.Comparison;
import io.micronats.reports.model.Environment;
import io.micronats.reports.model.Fault;
import io.micronats.reports.model.LatencyHistogram;
import io.micronats.reports.model.MetricNames;
import io.micronats.reports.model.Phase;
import io.micronats.reports.model.RunResult;
import io.micronats.simulator.load.GeneratorLag;
import io.micronats.simulator.measure.CpuMeter;
import io.micronats.simulator.measure.TimePoint;
import io.micronats.simulator.scenario.Scenario;
import io.micronats.simulator.workload.PhaseRecord;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Builds the reports module's result model for every engine (single run, distributed run, bench):
 * the run's results from its scenario, environment and phase records (adding the generator's lag
 * labels, {@link GeneratorLag}), the labels every scenario run carries, and the environment stamp.
 * Label keys come from {@link MetricNames}. Stateless; {@link Results} is not thread-safe.
 */
public final class ResultsAssembler {
  private ResultsAssembler() {}

  /** Results of a run of {@code s} to fill in: settings flattened, environment stamped. */
  public static Results results(Scenario s, Environment environment, Instant startedAt) {
    return new Results(RunResult.builder(new io.micronats.reports.model.Scenario(s.name(), flatten(s.raw())),
        environment, startedAt));
  }

  /** The labels every run of {@code s} carries: implementation, layout, strategy, services. */
  public static Map<String, String> scenarioLabels(Scenario s) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MetricNames.IMPLEMENTATION, s.implementation());
    labels.put(MetricNames.LAYOUT, s.layout().nodes() + " node(s), clients on " + s.layout().clientNodes()
        + ", services on " + s.layout().serviceNodes());
    labels.put(MetricNames.STRATEGY, s.registry().strategy().yamlName());
    labels.put(MetricNames.SERVICES, Integer.toString(s.fleet().services()));
    return labels;
  }

  /** A run's results being filled in; each method returns this. Not thread-safe. */
  public static final class Results {
    private final RunResult.Builder builder;

    private Results(RunResult.Builder builder) {
      this.builder = builder;
    }

    /** One label. */
    public Results label(String key, String value) {
      builder.label(key, value);
      return this;
    }

    /** Labels, in their order. */
    public Results labels(Map<String, String> labels) {
      labels.forEach(builder::label);
      return this;
    }

    /** Phases, converted by {@link ResultsAssembler#phase}. */
    public Results phases(List<PhaseRecord> records) {
      records.forEach(r -> builder.phase(phase(r)));
      return this;
    }

    /** Comparisons with the raw-jnats baseline. */
    public Results comparisons(List<Comparison> comparisons) {
      comparisons.forEach(builder::comparison);
      return this;
    }

    /** Faults, the only form they take in results. */
    public Results faults(List<Fault> faults) {
      faults.forEach(builder::fault);
      return this;
    }

    /** The run's results. */
    public RunResult build() {
      return builder.build();
    }
  }

  /** A results-file phase from a phase record. */
  public static Phase phase(PhaseRecord r) {
    Phase.Builder b = Phase.builder(r.name(), r.workload())
        .duration(Duration.ofNanos(r.measurement().windowNanos()))
        .concurrency(Math.max(1, r.concurrency()));
    if (r.closed()) {
      b.closed();
    } else {
      b.open(r.targetRate());
    }
    b.counts(r.allCounts());
    r.rates().forEach((k, v) -> {
      if (Double.isFinite(v) && v >= 0) {
        b.rate(k, v);
      }
    });
    for (Map.Entry<String, Histogram> e : new TreeMap<>(r.measurement().histograms()).entrySet()) {
      b.latency(e.getKey(), LatencyHistogram.fromNanos(e.getValue()));
    }
    for (TimePoint p : r.measurement().series()) {
      b.point(new io.micronats.reports.model.TimePoint(p.tMillis(), Math.max(0, p.rate()), Math.max(0, p.p99Micros()),
          Math.max(0, p.errors())));
    }
    r.labels().forEach(b::label);
    GeneratorLag.labels(r.measurement()).forEach((k, v) -> {
      if (!r.labels().containsKey(k)) {
        b.label(k, v);
      }
    });
    return b.build();
  }

  /** The scenario's settings flattened to dotted keys ({@code fleet.services=1000}). */
  public static Map<String, String> flatten(Map<String, Object> raw) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", raw, out);
    return out;
  }

  private static void flatten(String prefix, Map<?, ?> map, Map<String, String> out) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey();
      Object v = e.getValue();
      if (v instanceof Map<?, ?> m) {
        flatten(key, m, out);
      } else if (v instanceof List<?> l) {
        out.put(key, String.join(",", l.stream().map(String::valueOf).toList()));
      } else {
        out.put(key, String.valueOf(v));
      }
    }
  }

  /** The environment stamp: versions, cores, and the conditions a reader needs. */
  public static Environment environment(String natsServerVersion, String backend, String rpcBinding) {
    Map<String, String> extra = new LinkedHashMap<>();
    extra.put("jvm", System.getProperty("java.vm.name", "") + " " + System.getProperty("java.vm.version", ""));
    extra.put("heapMax", Runtime.getRuntime().maxMemory() / (1024 * 1024) + "MiB");
    extra.put("gc", String.join(",", ManagementFactory.getGarbageCollectorMXBeans().stream().map(g -> g.getName()).toList()));
    extra.put("backend", backend);
    extra.put("rpcBinding", rpcBinding);
    extra.put("colocated", "load generator, fake services and nats-servers share this machine's "
        + CpuMeter.cores() + " cores");
    extra.put("latencyUnit", "summary values in microseconds; encoded histograms in nanoseconds");
    return Environment.detect(jnatsVersion(), natsServerVersion).withExtra(extra);
  }

  /** The jnats version on the class path. */
  public static String jnatsVersion() {
    try {
      return io.nats.client.Nats.CLIENT_VERSION;
    } catch (LinkageError e) {
      return "unknown";
    }
  }
}
