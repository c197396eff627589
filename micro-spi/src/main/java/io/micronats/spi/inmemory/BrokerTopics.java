package io.micronats.spi.inmemory;

import io.micronats.spi.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The subscriptions of every {@link InMemoryBroker} on one hub, and the routing of a published
 * message to them: every plain subscription whose pattern matches gets a copy, and each queue
 * group with a matching member gets one copy, delivered to one member picked at random.
 *
 * <p>Thread-safe (copy-on-write; publishing takes no lock).
 */
final class BrokerTopics {

  private final CopyOnWriteArrayList<MemorySubscription> subscriptions = new CopyOnWriteArrayList<>();

  void add(MemorySubscription subscription) {
    subscriptions.add(subscription);
  }

  void remove(MemorySubscription subscription) {
    subscriptions.remove(subscription);
  }

  /** Routes {@code message} published to the literal {@code topic}; returns the copies enqueued. */
  int publish(String topic, Message message) {
    MemoryEvent event = new MemoryEvent(topic, message);
    Map<String, List<MemorySubscription>> groups = null;
    int delivered = 0;
    for (MemorySubscription subscription : subscriptions) {
      if (!subscription.matches(topic)) {
        continue;
      }
      String queue = subscription.options().queue();
      if (queue == null) {
        subscription.offer(event);
        delivered++;
      } else {
        if (groups == null) {
          groups = new HashMap<>();
        }
        groups.computeIfAbsent(queue, q -> new ArrayList<>(4)).add(subscription);
      }
    }
    if (groups != null) {
      for (List<MemorySubscription> members : groups.values()) {
        members.get(ThreadLocalRandom.current().nextInt(members.size())).offer(event);
        delivered++;
      }
    }
    return delivered;
  }
}
