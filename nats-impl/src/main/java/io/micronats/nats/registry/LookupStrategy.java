package io.micronats.nats.registry;

/**
 * How {@link NatsRegistry#getService} finds the nodes of a service.
 *
 * <p>The simulator compares them; {@link #EARLY_COMPLETION} is the default. The rule is explained,
 * with its proof and its limits, in {@code docs/discovery.md}.
 */
public enum LookupStrategy {
  /**
   * go-micro's behaviour: broadcast a query and collect answers for the whole window (100 ms by
   * default), however quickly they came. An answer later than the window is missed.
   */
  FIXED_WINDOW,
  /**
   * Broadcast a query and return as soon as the answer is known complete, never earlier:
   * <ul>
   *   <li>Every micronats answerer sends each reply with {@code Mn-Instance} (its id),
   *       {@code Mn-Part: i/n} (this is reply {@code i} of the {@code n} it sends for this query, one
   *       per version) and {@code Mn-Serving} (the instances it knows to serve the name, itself
   *       first). An instance is complete when all its {@code n} replies arrived.
   *   <li>The instances expected are those this registry's watch stream saw serving the name, plus
   *       every instance any answer names. Instances that serve a name introduce themselves to a
   *       newcomer (a heartbeat event when they first hear of it), so each one's
   *       {@code Mn-Serving} names all of them.
   *   <li>The lookup ends when every expected and every answering instance is complete, and
   *       either this registry knew all of them from its watch stream, or two or more answerers
   *       named exactly the instances that answered. Otherwise (answers named instances it did not
   *       know, without agreeing) it waits a gap as long as the first answer took (1 ms at least,
   *       the quiet period at most) after the last answer.
   *   <li>It waits the whole window whenever a go-micro process is involved (a reply without
   *       {@code Mn-Instance}, or a go-micro node seen on the watch stream or named by an
   *       answer): go-micro sends one reply per version and cannot say how many, so the window is
   *       the only rule as safe as go-micro's own lookup. Likewise when an answer could not name
   *       the instances serving the name (more than 32). When a known micronats instance has not
   *       delivered all its replies by the end of the window, the lookup waits for it up to one
   *       more window (on a loaded host replies are late, not lost); an instance gone without a
   *       delete thus costs two windows per lookup until its TTL or a delete removes it.
   *   <li>When only this registry serves the name as far as it knows, it waits the quiet period;
   *       a name the watch stream saw lose its last node (within a minute) is reported not found
   *       after the quiet period; any other unknown name costs the whole window.
   * </ul>
   * Eventually consistent in one case only: an instance that registered a moment before the query
   * (within about one round trip), which neither this registry nor any answerer has heard of yet,
   * can be missed (the RPC client's cache refresh adds it later).
   */
  EARLY_COMPLETION,
  /**
   * Answer from a local cache fed by watch events, in microseconds, once an
   * {@link #EARLY_COMPLETION} query has filled it for the name with an answer known complete (an
   * answer that ended on the window while a known micronats instance was still missing is
   * returned but not cached). Eventually consistent: a change made elsewhere shows up when its
   * watch event arrives. A cached name whose last node a watch event removed (or whose TTL ran
   * out) is answered "not found" from the cache at once; a query that found nothing is not
   * cached. Nodes of go-micro processes (which carry no TTL and send no delete when they die) are
   * kept {@value NatsRegistry#GO_NODE_TTL} after they were last heard of (1 minute by default, as
   * go-micro's client cache; a live go-micro process re-registers every 30 s); when one expires,
   * the name is asked again at its next lookup, so a silent node is gone within that bound. The
   * whole cache is dropped when the connection reconnects (events may have been missed).
   */
  CACHED
}
