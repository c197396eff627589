package io.micronats.simulator.workload;

import io.micronats.simulator.scenario.BrokerSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a broker phase as a {@link PhaseRecord} named {@code broker} and completes it with the
 * receivers' counts and the delivered rate, the same way for the single-JVM and the distributed
 * run. Stateless.
 */
public final class BrokerPhases {
  private BrokerPhases() {}

  /**
   * Runs {@code load} as the open-model phase {@code broker} of {@code publishers} publishers at
   * the spec's rate each, labelled with the spec and {@code accounting} (how counts are made).
   */
  public static PhaseRecord run(PhaseRunner runner, BrokerSpec spec, int publishers, String accounting, Load load)
      throws Exception {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("publishers", Integer.toString(spec.publishers()));
    labels.put("subscribers", Integer.toString(spec.subscribers()));
    labels.put("queueGroupMembers", Integer.toString(spec.queueGroupMembers()));
    labels.put("payloadBytes", Integer.toString(spec.payloadBytes()));
    labels.put("accounting", accounting);
    double rate = spec.ratePerPublisher() * publishers;
    return runner.run("broker", "broker", false, rate, publishers, spec.phases(), "publish", load, labels);
  }

  /**
   * {@code measured} with {@code counts} added after its own, and the rate {@code delivered}:
   * deliveries recorded in the measured window per second.
   */
  public static PhaseRecord completed(PhaseRecord measured, Map<String, Long> counts) {
    Map<String, Long> allCounts = new LinkedHashMap<>(measured.counts());
    allCounts.putAll(counts);
    Map<String, Double> rates = new LinkedHashMap<>(measured.rates());
    var delivery = measured.measurement().histograms().get("delivery");
    long deliveredInWindow = delivery == null ? 0 : delivery.getTotalCount();
    rates.put("delivered", deliveredInWindow * 1e9 / measured.measurement().windowNanos());
    return measured.toBuilder().counts(allCounts).rates(rates).build();
  }
}
