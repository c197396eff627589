package io.micronats.simulator.load;

/**
 * What a load generator did during one run, over the whole run (warm-up and cool-down included).
 * Immutable.
 *
 * @param scheduled operations whose intended time fell in the run
 * @param started operations actually started
 * @param lateStarts operations started more than 1 ms after their intended time
 * @param notSent operations never started because the in-flight bound stayed full
 * @param stillInFlight operations that had not finished when the drain time ran out
 */
public record PacerStats(long scheduled, long started, long lateStarts, long notSent, long stillInFlight) {}
