package io.micronats.simulator.load;

/**
 * One operation the load generator issues: a request, a lookup, a publish. Returning normally
 * is a success; an exception is classified by {@link Outcomes#classify}.
 *
 * <p>Called concurrently from the generator's worker threads; implementations must be
 * thread-safe and should not block longer than their own timeout.
 */
@FunctionalInterface
public interface Call {
  /**
   * Performs operation number {@code index} (0, 1, 2, ... in intended order), intended to start
   * at {@code intendedNanos} ({@code System.nanoTime()} units; for a closed loop, the actual
   * start). A logical client can be derived from the index, for example {@code index % clients}.
   */
  void call(long index, long intendedNanos) throws Exception;
}
