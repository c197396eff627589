package io.micronats.simulator.workload;

import io.micronats.simulator.load.PacerStats;
import io.micronats.simulator.measure.PhaseMeter;

/**
 * The load of one phase: drives operations with intended times from {@code start} until
 * {@code windowEnd} into {@code meter}, and returns when they finished (or the drain ran out).
 */
@FunctionalInterface
public interface Load {
  /** Runs the load; returns what the generator did. */
  PacerStats run(long start, long windowEnd, PhaseMeter meter) throws Exception;
}
