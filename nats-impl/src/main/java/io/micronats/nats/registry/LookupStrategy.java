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
   * Broadcast a query and return as soon as the answer is known: every instance known to serve the
   * name has answered, or no new answer came for a quiet period (at least the configured minimum,
   * and at least as long as the first answer took). The instances expected are those that watch
   * events showed serving the name, plus those each answer names in its {@code Mn-Serving} header
   * (the answerer itself and the instances it knows to serve the name), so a freshly created
   * registry that saw no events yet still completes on the answers alone. A name that the watch
   * stream saw lose its last node (within a minute) is reported not found after the quiet period;
   * any other unknown name still costs the whole window. Eventually consistent: an instance that
   * registered a moment before the query, which neither this registry nor any answerer has heard
   * of yet, can be missed when the others answer fast (the RPC client's cache refresh adds it later).
   */
  EARLY_COMPLETION,
  /**
   * Answer from a local cache fed by watch events, in microseconds, once a first
   * {@link #EARLY_COMPLETION} query has filled it for the name. Eventually consistent: a change
   * made elsewhere shows up when its watch event arrives. A cached name whose last node a watch
   * event removed (or whose TTL ran out) is answered "not found" from the cache at once; a query
   * that found nothing is not cached. The whole cache is dropped when the connection reconnects
   * (events may have been missed).
   */
  CACHED
}
