package io.micronats.simulator.workload;

import io.micronats.simulator.fleet.FakeFleet;
import io.micronats.simulator.fleet.FleetNames;
import io.micronats.simulator.fleet.PluginSet;
import io.micronats.simulator.fleet.RpcBinding;
import io.micronats.simulator.load.Call;
import io.micronats.simulator.load.ClosedLoopDriver;
import io.micronats.simulator.load.ForEachIndex;
import io.micronats.simulator.load.OpenLoopPacer;
import io.micronats.simulator.load.Outcomes;
import io.micronats.simulator.measure.Outcome;
import io.micronats.simulator.scenario.RpcSpec;
import io.micronats.simulator.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The RPC workload: many logical clients call random endpoints of random fleet services through
 * the RPC binding, either in the open model at fixed rates (the configured rate, then each sweep
 * rate, to find the knee) or in a closed loop (capacity, labelled so).
 *
 * <p>Run from the control thread; calls run on the generator's workers.
 */
public final class RpcWorkload {
  private final Scenario scenario;
  private final PhaseRunner runner;
  private final List<PluginSet> clientSets;

  /** A workload calling through {@code clientSets} (one per client node, shared by the logical clients). */
  public RpcWorkload(Scenario scenario, PhaseRunner runner, List<PluginSet> clientSets) {
    if (clientSets.isEmpty()) {
      throw new IllegalArgumentException("at least one client plugin set is needed");
    }
    this.scenario = scenario;
    this.runner = runner;
    this.clientSets = List.copyOf(clientSets);
  }

  /** Runs the configured phases against the fleet. */
  public List<PhaseRecord> run(FakeFleet fleet) throws Exception {
    RpcSpec spec = scenario.workloads().rpc();
    List<RpcBinding.Caller> callers = new ArrayList<>();
    try {
      for (PluginSet set : clientSets) {
        callers.add(fleet.binding().caller(set));
      }
      Call call = call(callers, fleet.size(), spec);
      Map<String, String> prime = prime(callers, fleet.size(), spec);
      List<PhaseRecord> records = new ArrayList<>();
      if (spec.mode() == RpcSpec.Mode.CLOSED) {
        records.add(closed(call, spec, fleet, prime));
        return records;
      }
      List<Double> rates = new ArrayList<>();
      rates.add(spec.rate());
      spec.sweep().stream().filter(r -> !rates.contains(r)).forEach(rates::add);
      for (double rate : rates) {
        records.add(open(call, spec, rate, fleet, prime));
      }
      return records;
    } finally {
      callers.forEach(RpcBinding.Caller::close);
    }
  }

  private Call call(List<RpcBinding.Caller> callers, int services, RpcSpec spec) {
    byte[] request = new byte[scenario.fleet().requestBytes()];
    int endpoints = scenario.fleet().endpointsPerService();
    long seed = scenario.seed();
    Duration timeout = spec.timeout();
    return (index, intended) -> {
      int client = (int) (index % spec.clients());
      RpcBinding.Caller caller = callers.get(client % callers.size());
      String service = FleetNames.service(Mix.below(seed, index, services));
      String endpoint = FleetNames.endpoint(Mix.below(seed + 1, index, endpoints));
      caller.call(service, endpoint, request, timeout);
    };
  }

  private PhaseRecord open(Call call, RpcSpec spec, double rate, FakeFleet fleet, Map<String, String> prime)
      throws Exception {
    Duration drain = spec.timeout().plus(spec.phases().cooldown());
    Load load = (start, end, meter) -> OpenLoopPacer.run("rpc", rate, spec.maxInFlight(), start, end, drain, call, meter);
    return runner.run("rpc-open-" + PhaseRunner.fmt(rate), "rpc", false, rate, spec.maxInFlight(), spec.phases(), "rpc",
        load, labels(fleet, spec, prime));
  }

  private PhaseRecord closed(Call call, RpcSpec spec, FakeFleet fleet, Map<String, String> prime) throws Exception {
    Duration drain = spec.timeout().plus(spec.phases().cooldown());
    Load load = (start, end, meter) -> {
      OpenLoopPacer.parkUntil(start);
      return ClosedLoopDriver.run("rpc", spec.maxInFlight(), end, drain, call, meter);
    };
    return runner.run("rpc-closed-" + spec.maxInFlight(), "rpc", true, 0, spec.maxInFlight(), spec.phases(), "rpc",
        load, labels(fleet, spec, prime));
  }

  /**
   * Calls every service once from every caller before measuring, so that registry caches and
   * pooled transport connections are warm (their cold cost is reported as a label, not measured).
   */
  private Map<String, String> prime(List<RpcBinding.Caller> callers, int services, RpcSpec spec) throws InterruptedException {
    runner.console().step("priming RPC callers: one call to each of " + services + " services per caller");
    byte[] request = new byte[scenario.fleet().requestBytes()];
    Map<String, LongAdder> causes = new ConcurrentHashMap<>();
    ForEachIndex.Result r = ForEachIndex.run("rpc-prime",
        services * callers.size(), Math.min(8, spec.maxInFlight()), Duration.ofMinutes(2), i -> {
          try {
            callers.get(i % callers.size()).call(FleetNames.service(i / callers.size()), FleetNames.endpoint(0), request,
                spec.timeout());
          } catch (Exception e) {
            causes.computeIfAbsent(cause(e), k -> new LongAdder()).increment();
            throw e;
          }
        });
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("primeMillis", Long.toString(r.millis()));
    labels.put("primeFailures", Long.toString(r.failed()));
    if (!causes.isEmpty()) {
      labels.put("primeFailureCauses", new TreeMap<>(causes).toString());
    }
    return labels;
  }

  /** A failure's counter name, with the exception class for the "other" errors: {@code errors(IllegalStateException)}. */
  private static String cause(Exception e) {
    Outcome outcome = Outcomes.classify(e);
    return outcome == Outcome.ERROR ? outcome.counter() + "(" + e.getClass().getSimpleName() + ")" : outcome.counter();
  }

  private Map<String, String> labels(FakeFleet fleet, RpcSpec spec, Map<String, String> prime) {
    Map<String, String> labels = new LinkedHashMap<>(prime);
    labels.put("services", Integer.toString(fleet.size()));
    labels.put("clients", Integer.toString(spec.clients()));
    labels.put("rpcBinding", fleet.binding().name());
    labels.put("requestBytes", Integer.toString(scenario.fleet().requestBytes()));
    labels.put("responseBytes", Integer.toString(scenario.fleet().responseBytes()));
    labels.put("timeout", spec.timeout().toMillis() + "ms");
    return labels;
  }

  /**
   * The knee of an open-model sweep: the highest offered rate that was still served, meaning
   * achieved >= 95% of offered, errors <= 0.1% and p99 at most 10x the p99 of the lowest rate.
   * Returns 0 when no rate qualifies.
   */
  public static double knee(List<PhaseRecord> openPhases) {
    List<PhaseRecord> sorted = openPhases.stream().filter(p -> !p.closed())
        .sorted((a, b) -> Double.compare(a.targetRate(), b.targetRate())).toList();
    if (sorted.isEmpty()) {
      return 0;
    }
    double baseP99 = Math.max(1, sorted.get(0).measurement().latency().getValueAtPercentile(99));
    double knee = 0;
    for (PhaseRecord p : sorted) {
      long ok = p.measurement().count("successes");
      long errors = Outcome.errorCounters().stream().mapToLong(p.measurement()::count).sum();
      double achieved = p.measurement().throughput();
      double p99 = p.measurement().latency().getValueAtPercentile(99);
      boolean served = achieved >= 0.95 * p.targetRate() && errors <= 0.001 * Math.max(1, ok + errors) && p99 <= 10 * baseP99;
      if (!served) {
        break;
      }
      knee = p.targetRate();
    }
    return knee;
  }
}
