package io.micronats.spi.broker;

/**
 * The callback of a subscription.
 *
 * <p>Called on a thread the broker owns, one event at a time per subscription, in the order the
 * subscription received them. It may block, but while it does that subscription receives
 * nothing else. What it throws goes to the subscription's {@link ErrorHandler}; the
 * subscription keeps receiving.
 */
@FunctionalInterface
public interface EventHandler {

  /** Handles one event. */
  void handle(Event event) throws Exception;
}
