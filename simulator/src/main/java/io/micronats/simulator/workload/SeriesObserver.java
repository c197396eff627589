package io.micronats.simulator.workload;

/**
 * What a workload tells about the operations of a named series (for example every broker
 * delivery), so that fault accounting can see when operations succeed again after a fault.
 *
 * <p>Called from the workload's worker and delivery threads at once: implementations are
 * thread-safe, fast and do not throw.
 */
public interface SeriesObserver {
  /** The series' measured window starts at {@code measuredFromNanos}. */
  void seriesStarts(String series, long measuredFromNanos);

  /** An operation of {@code series} intended at {@code intendedNanos} ended at {@code doneNanos}. */
  void completed(String series, long intendedNanos, long doneNanos, boolean ok);
}
