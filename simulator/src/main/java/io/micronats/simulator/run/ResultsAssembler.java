package io.micronats.simulator.run;

import io.micronats.reports.model.Environment;
import io.micronats.reports.model.LatencyHistogram;
import io.micronats.reports.model.Phase;
import io.micronats.simulator.load.GeneratorLag;
import io.micronats.simulator.measure.CpuMeter;
import io.micronats.simulator.measure.TimePoint;
import io.micronats.simulator.workload.PhaseRecord;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Turns the simulator's phase records into the reports module's result model, adding the
 * generator's lag labels ({@link GeneratorLag}). Stateless.
 */
public final class ResultsAssembler {
  private ResultsAssembler() {}

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
