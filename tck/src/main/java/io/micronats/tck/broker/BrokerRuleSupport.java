package io.micronats.tck.broker;

import io.micronats.spi.Message;
import io.micronats.spi.broker.Event;
import io.micronats.spi.broker.EventHandler;
import io.micronats.tck.RuleGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Helpers shared by the broker rule classes: an {@link Inbox} handler that records what it gets.
 *
 * <p>One instance per rule test, like every {@link RuleGroup}.
 */
public abstract class BrokerRuleSupport extends RuleGroup {

  /** A new inbox. */
  protected final Inbox inbox() {
    return new Inbox();
  }

  /** Waits until {@code inbox} holds at least {@code n} messages. */
  protected final void awaitCount(Inbox inbox, int n, String who) throws InterruptedException {
    env().awaitTrue(who + " to receive " + n + " message(s)", () -> inbox.count() >= n,
        () -> who + " received " + inbox.count() + ": " + inbox.bodies());
  }

  /**
   * An event handler that records every event's topic and message, and the highest number of
   * concurrent calls it saw.
   *
   * <p>Thread-safe.
   */
  public static final class Inbox implements EventHandler {
    private final List<String> topics = new ArrayList<>();
    private final List<Message> messages = new ArrayList<>();
    private int running;
    private int maxConcurrent;

    Inbox() {}

    @Override
    @SuppressWarnings("ThreadPriorityCheck") // the yield widens the window in which handlers overlap
    public void handle(Event event) throws Exception {
      synchronized (this) {
        running++;
        maxConcurrent = Math.max(maxConcurrent, running);
      }
      try {
        Thread.yield();
        synchronized (this) {
          topics.add(event.topic());
          messages.add(event.message());
        }
      } finally {
        synchronized (this) {
          running--;
        }
      }
    }

    /** Messages received so far. */
    public synchronized int count() {
      return messages.size();
    }

    /** A copy of the received messages, in arrival order. */
    public synchronized List<Message> messages() {
      return List.copyOf(messages);
    }

    /** A copy of the event topics, in arrival order. */
    public synchronized List<String> topics() {
      return List.copyOf(topics);
    }

    /** The bodies as UTF-8, in arrival order. */
    public synchronized List<String> bodies() {
      return messages.stream().map(Message::bodyAsString).toList();
    }

    /** The highest number of handler calls that ran at the same time. */
    public synchronized int maxConcurrent() {
      return maxConcurrent;
    }
  }
}
