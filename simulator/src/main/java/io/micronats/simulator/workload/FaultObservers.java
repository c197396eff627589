package io.micronats.simulator.workload;

import org.jspecify.annotations.Nullable;

/**
 * The observers a run's fault accounting gives the workloads; a missing one means nobody is
 * watching that side (no faults scheduled, or none that needs it). Immutable.
 *
 * @param deliveries told about every broker message
 * @param series told about the broker's deliveries as operations of {@link BrokerWorkload#DELIVERY_SERIES}
 * @param lookups told about every discovery lookup
 */
public record FaultObservers(@Nullable DeliveryObserver deliveries, @Nullable SeriesObserver series,
    @Nullable LookupObserver lookups) {
  /** Nobody watching: runs without faults. */
  public static final FaultObservers NONE = new FaultObservers(null, null, null);
}
