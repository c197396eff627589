package io.micronats.reports.model;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * Deterministic, plausible simulator results for tests and for the checked-in samples. The
 * latency shapes follow the numbers measured on a 2-vCPU box (performance-anchors.md, 5.2); values
 * are drawn from a log-linear interpolation of hand-picked quantiles with a fixed seed.
 *
 * <p>Run {@code main} to regenerate {@code src/test/resources/samples/*.json}.
 */
public final class SampleData {
  private static final double[] QUANTILES = {0.0, 0.5, 0.9, 0.99, 0.999, 1.0};
  private static final double[] SCALES = {0.96, 1.0, 1.07};

  private SampleData() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/samples");
    ResultsWriter.write(rpcCluster("3", 1.0, 42), dir.resolve("results-nats-3-nodes.json"));
    ResultsWriter.write(rpcCluster("1", 0.85, 7), dir.resolve("results-nats-1-node.json"));
  }

  /**
   * A full run: a raw baseline, a closed RPC phase, an open-rate sweep (the knee), two broker phases
   * and a discovery sweep over 10/100/500 services; 3 repetitions per phase.
   *
   * @param layout the cluster layout label
   * @param speed latency scale (below 1 is faster)
   */
  public static RunResult rpcCluster(String layout, double speed, long seed) {
    Random random = new Random(seed);
    Environment env = new Environment("17.0.15", "2.26.2", "2.9.10", 2, "Linux 6.1.0-28-amd64 (amd64)",
        "bench-vm-1", linked("cpu", "AMD EPYC (family 25) KVM", "heap", "-Xmx1g", "gc", "G1",
            "requestStyle", "mux", "colocated", "generator, services and nats-servers share 2 cores"));
    Scenario scenario = new Scenario("rpc-knee", linked("payload", "16B", "warmup", "PT5S",
        "duration", "PT10S", "rates", "1000,2000,5000,10000,20000,30000", "services", "10,100,500"));
    RunResult.Builder run = RunResult.builder(scenario, env, Instant.parse("2026-11-27T12:00:00Z"))
        .label(MetricNames.IMPLEMENTATION, "nats").label(MetricNames.LAYOUT, layout)
        .label(MetricNames.STRATEGY, "scatter-gather");
    Phase baseline = rpc(random, "baseline-rpc", "baseline-rpc", 0, 4020 / speed,
        new double[] {90, 232, 316, 684, 3672, 5218}, speed, 0);
    Phase closed = rpc(random, "rpc-closed-1", "rpc", 0, 3650 / speed,
        new double[] {105, 251, 344, 731, 3950, 6010}, speed, 0);
    run.phase(baseline).phase(closed);
    double[][] knee = {
        {1000, 150, 420, 610, 2900, 5400, 7100}, {2000, 160, 490, 880, 3980, 6600, 8000},
        {5000, 180, 720, 1900, 6800, 12500, 16000}, {10000, 210, 1190, 3900, 11600, 26200, 31300},
        {20000, 260, 2600, 9800, 41000, 88000, 120000}, {30000, 900, 45000, 160000, 300000, 420000, 480000}};
    for (double[] k : knee) {
      int rate = (int) k[0];
      double achieved = rate >= 30000 ? 21400 : rate * 0.9995;
      long timeouts = rate >= 30000 ? 2150 : rate >= 20000 ? 12 : 0;
      run.phase(rpc(random, "rpc-open-" + rate, "rpc", rate, achieved,
          new double[] {k[1], k[2], k[3], k[4], k[5], k[6]}, speed, timeouts));
    }
    run.phase(broker(random, "broker-50k", 50_000, 0, 0, 0, speed));
    run.phase(broker(random, "broker-200k", 200_000, 1_240, 3, 57, speed));
    double[][] discovery = {
        {10, 210, 560, 1400, 3700, 5000, 6000, 400, 930, 2500, 5500, 7000, 7400},
        {100, 300, 1010, 2600, 4900, 6500, 7000, 1200, 2960, 5700, 8100, 9000, 9400},
        {500, 600, 1850, 6100, 11900, 14000, 15000, 9000, 18300, 22300, 30200, 35000, 37300}};
    for (double[] d : discovery) {
      run.phase(discovery(random, (int) d[0], d, speed));
    }
    run.comparison(Comparison.of("rpc closed p50", closed.latency().get("rpc").p50(),
        baseline.latency().get("rpc").p50(), "us", Better.LOWER));
    run.comparison(Comparison.of("rpc closed p99", closed.latency().get("rpc").p99(),
        baseline.latency().get("rpc").p99(), "us", Better.LOWER));
    run.comparison(Comparison.of("rpc closed throughput", closed.rates().get("achieved"),
        baseline.rates().get("achieved"), "req/s", Better.HIGHER));
    return run.build();
  }

  private static Phase rpc(Random random, String name, String workload, int rate, double achieved,
      double[] quantiles, double speed, long timeouts) {
    Phase.Builder b = Phase.builder(name, workload).duration(Duration.ofSeconds(10));
    if (rate > 0) {
      b.open(rate).concurrency(4);
    } else {
      b.concurrency(1);
    }
    int samples = (int) Math.round(achieved * 10);
    long successes = samples * 3L;
    b.count(MetricNames.SUCCESSES, successes).count(MetricNames.TIMEOUTS, timeouts)
        .count(MetricNames.NO_RESPONDERS, 0).count(MetricNames.REMOTE_ERRORS, 0)
        .rate(MetricNames.ACHIEVED, round(achieved));
    if (rate > 0) {
      b.rate(MetricNames.OFFERED, rate);
    }
    repetitions(b, successes, timeouts, achieved,
        Map.of(MetricNames.RPC, repeated(random, b, MetricNames.RPC, quantiles, speed, samples)));
    series(random, b, achieved, quantiles[3] * speed, timeouts);
    return b.build();
  }

  private static Phase broker(Random random, String name, int rate, long lost, long duplicated,
      long reordered, double speed) {
    Phase.Builder b = Phase.builder(name, "broker").open(rate).concurrency(2).duration(Duration.ofSeconds(10));
    int samples = (int) (rate * 10L - lost / 3);
    double achieved = samples / 10.0;
    b.count(MetricNames.SUCCESSES, samples * 3L).count(MetricNames.LOST, lost)
        .count(MetricNames.DUPLICATED, duplicated).count(MetricNames.REORDERED, reordered)
        .count(MetricNames.SLOW_CONSUMERS, lost > 0 ? 2 : 0)
        .rate(MetricNames.ACHIEVED, round(achieved)).rate(MetricNames.OFFERED, rate);
    double[] q = rate > 100_000 ? new double[] {40, 310, 2200, 9800, 21000, 30000}
        : new double[] {25, 95, 180, 820, 2400, 4100};
    repetitions(b, samples * 3L, lost, achieved,
        Map.of(MetricNames.DELIVERY, repeated(random, b, MetricNames.DELIVERY, q, speed, samples)));
    series(random, b, achieved, q[3] * speed, lost / 3);
    return b.build();
  }

  private static Phase discovery(Random random, int services, double[] d, double speed) {
    Phase.Builder b = Phase.builder("discovery-" + services, "discovery").open(20).concurrency(1)
        .duration(Duration.ofSeconds(10)).label(MetricNames.SERVICES, Integer.toString(services));
    b.count(MetricNames.SUCCESSES, 600).count(MetricNames.TIMEOUTS, 0).count("incomplete", 0)
        .rate(MetricNames.ACHIEVED, 20.0).rate(MetricNames.OFFERED, 20.0);
    Map<String, List<LatencyHistogram>> reps = new LinkedHashMap<>();
    reps.put(MetricNames.DISCOVERY_FIRST, repeated(random, b, MetricNames.DISCOVERY_FIRST,
        new double[] {d[1], d[2], d[3], d[4], d[5], d[6]}, speed, 200));
    reps.put(MetricNames.DISCOVERY_ALL, repeated(random, b, MetricNames.DISCOVERY_ALL,
        new double[] {d[7], d[8], d[9], d[10], d[11], d[12]}, speed, 200));
    repetitions(b, 600, 0, 20, reps);
    series(random, b, 20, d[10] * speed, 0);
    return b.build();
  }

  /** Three repetitions of one distribution, each slightly different, merged into the aggregate. */
  private static List<LatencyHistogram> repeated(Random random, Phase.Builder b, String key,
      double[] quantiles, double speed, int samples) {
    Histogram total = new Histogram(3_600_000_000_000L, 3);
    List<LatencyHistogram> reps = new ArrayList<>();
    for (double scale : SCALES) {
      Histogram h = new Histogram(3_600_000_000_000L, 3);
      for (int i = 0; i < samples; i++) {
        h.recordValue(Math.round(sample(random, quantiles) * speed * scale * 1000));
      }
      total.add(h);
      reps.add(LatencyHistogram.fromNanos(h).withoutEncoded());
    }
    b.latency(key, LatencyHistogram.fromNanos(total));
    return reps;
  }

  /** Adds the repetitions: counts split evenly, rates within 2 %, latency per key. */
  private static void repetitions(Phase.Builder b, long successes, long errors, double achieved,
      Map<String, List<LatencyHistogram>> latency) {
    for (int r = 0; r < SCALES.length; r++) {
      Map<String, LatencyHistogram> perKey = new LinkedHashMap<>();
      int index = r;
      latency.forEach((k, v) -> perKey.put(k, v.get(index)));
      b.repetition(new Repetition(r,
          linkedLongs(MetricNames.SUCCESSES, successes / 3, MetricNames.TIMEOUTS, errors / 3),
          Map.of(MetricNames.ACHIEVED, round(achieved * (1.02 - 0.02 * r))), perKey));
    }
  }

  private static void series(Random random, Phase.Builder b, double rate, double p99, long errors) {
    for (int t = 1; t <= 10; t++) {
      double wobble = 1 + (random.nextDouble() - 0.5) * 0.08;
      double spike = t == 6 ? 2.4 : 1.0;
      b.point(new TimePoint(t * 1000L, round(rate * wobble / (spike > 1 ? 1.1 : 1)),
          round(p99 * wobble * spike), t == 6 ? errors : 0));
    }
  }

  /** A value from a log-linear interpolation of the quantile function given at {@link #QUANTILES}. */
  private static double sample(Random random, double[] q) {
    double u = random.nextDouble();
    for (int i = 1; i < QUANTILES.length; i++) {
      if (u <= QUANTILES[i]) {
        double f = (u - QUANTILES[i - 1]) / (QUANTILES[i] - QUANTILES[i - 1]);
        return Math.exp(Math.log(q[i - 1]) + f * (Math.log(q[i]) - Math.log(q[i - 1])));
      }
    }
    return q[q.length - 1];
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static Map<String, Long> linkedLongs(String k1, long v1, String k2, long v2) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  private static Map<String, String> linked(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
