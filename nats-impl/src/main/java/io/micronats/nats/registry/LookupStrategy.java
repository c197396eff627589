package io.micronats.nats.registry;

/**
 * How {@link NatsRegistry#getService} finds the nodes of a service.
 *
 * <p>The simulator compares them; {@link #EARLY_COMPLETION} is the default.
 */
public enum LookupStrategy {
  /**
   * go-micro's behaviour: broadcast a query and collect answers for the whole window (100 ms by
   * default), however quickly they came.
   */
  FIXED_WINDOW,
  /**
   * Broadcast a query and return as soon as the answer is known: every instance known (from watch
   * events) to serve the name has answered, or no new answer came for a quiet period (at least
   * the configured minimum, and at least as long as the first answer took). An unknown name still
   * costs the whole window.
   */
  EARLY_COMPLETION,
  /**
   * Answer from a local cache fed by watch events, in microseconds, once a first
   * {@link #EARLY_COMPLETION} query has filled it for the name. Eventually consistent: a change
   * made elsewhere shows up when its watch event arrives. The cache for a name is dropped when it
   * empties and the whole cache when the connection reconnects (events may have been missed).
   */
  CACHED
}
