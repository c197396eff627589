/**
 * Fault injection for simulation runs: a {@link io.micronats.simulator.scenario.FaultSchedule} of
 * {@link io.micronats.simulator.scenario.FaultSpec}s (kill, pause, stop, restart, rolling restart,
 * lame duck, service crashes, registry churn, link latency, silence, cut and partitions), the
 * {@link io.micronats.simulator.fault.FaultInjector} that carries it out on a local cluster (one
 * method per kind, through {@link io.micronats.simulator.scenario.FaultSpec.Visitor}), and
 * the {@link io.micronats.simulator.fault.FaultTimeline} that records, per fault, injection,
 * disconnection, reconnection and resubscription, first success and return to baseline, with
 * what was lost: RPC calls failed and timed out, broker messages lost, duplicated and reordered
 * ({@link io.micronats.simulator.fault.DeliveryLedger}), and registry false negatives, false
 * positives and staleness ({@link io.micronats.simulator.fault.RegistryAudit}).
 */
@NullMarked
package io.micronats.simulator.fault;

import org.jspecify.annotations.NullMarked;
