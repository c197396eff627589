package io.micronats.tck.mutants;

import io.micronats.spi.BrokerException;
import io.micronats.spi.Message;
import io.micronats.spi.broker.Broker;
import io.micronats.spi.broker.Event;
import io.micronats.spi.broker.EventHandler;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.micronats.spi.plugin.Plugins;
import io.micronats.tck.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Broken brokers, each wrapping the in-memory one with one fault. */
final class BrokerMutants {
  private BrokerMutants() {}

  static List<Mutant> all() {
    List<Mutant> m = new ArrayList<>();
    m.add(Mutant.broker("HeadersDropped", b -> new ForwardingBroker(b) {
      @Override public void publish(String topic, Message message) {
        super.publish(topic, message == null ? null : Message.of(message.body()));
      }
    }, "BRK-001", "BRK-009", "BRK-011", "BRK-031", "BRK-034", "BRK-035", "BRK-036"));
    m.add(Mutant.custom("InstancesDoNotShareTopics", Role.BROKER, ns -> {
      AtomicInteger n = new AtomicInteger();
      return Mutant.target(ns, null, () -> Plugins.broker("memory", Mutant.config(ns + "-" + n.incrementAndGet())), null);
    }, "BRK-002", "BRK-006", "BRK-008", "BRK-009", "BRK-031", "BRK-032", "BRK-033", "BRK-034", "BRK-036"));
    m.add(Mutant.broker("OnlyTheFirstPlainSubscriberOfATopicGetsMessages", b -> new ForwardingBroker(b) {
      final Set<String> seen = ConcurrentHashMap.newKeySet();

      @Override EventHandler handler(EventHandler h, String topic, SubscribeOptions options) {
        if (options != null && options.queueGroup().isEmpty() && !seen.add(topic)) {
          return e -> { };
        }
        return h;
      }
    }, "BRK-003", "BRK-014", "BRK-020", "BRK-024"));
    m.add(Mutant.broker("QueueGroupsIgnored", b -> new ForwardingBroker(b) {
      @Override public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
        return super.subscribe(topic, handler, options == null ? null : new SubscribeOptions(null, options.autoAck(),
            options.errorHandler()));
      }
    }, "BRK-004", "BRK-005", "BRK-006", "BRK-015", "BRK-022", "BRK-035"));
    AtomicInteger instances = new AtomicInteger();
    m.add(Mutant.broker("QueueGroupsScopedToOneInstance", b -> new ForwardingBroker(b) {
      final String suffix = "i" + instances.incrementAndGet();

      @Override public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
        return super.subscribe(topic, handler, options == null || options.queueGroup().isEmpty() ? options
            : options.withQueue(options.queue() + suffix));
      }
    }, "BRK-006", "BRK-022", "BRK-035"));
    m.add(Mutant.broker("SubscriptionsMatchTopicPrefixes", b -> new ForwardingBroker(b) {
      final List<Subscription> extra = new ArrayList<>();

      @Override public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
        Subscription s = super.subscribe(topic, handler, options);
        if (topic.indexOf('*') < 0 && topic.indexOf('>') < 0) {
          extra.add(delegate.subscribe(topic + ".>", handler(handler, topic, options), options));
        }
        return s;
      }
    }, "BRK-007"));
    m.add(Mutant.broker("DeliversPairsInReverse", b -> new ForwardingBroker(b) {
      @Override EventHandler handler(EventHandler h, String topic, SubscribeOptions options) {
        return new PairReversingHandler(h);
      }
    }, "BRK-008", "BRK-009", "BRK-010", "BRK-011", "BRK-013", "BRK-029", "BRK-031", "BRK-032", "BRK-034"));
    m.add(Mutant.broker("DropsEveryTenthMessage", b -> new ForwardingBroker(b) {
      @Override EventHandler handler(EventHandler h, String topic, SubscribeOptions options) {
        AtomicInteger n = new AtomicInteger();
        return e -> {
          if (n.incrementAndGet() % 10 != 0) {
            h.handle(e);
          }
        };
      }
    }, "BRK-003", "BRK-004", "BRK-005", "BRK-006", "BRK-008", "BRK-009", "BRK-015", "BRK-028", "BRK-031", "BRK-032", "BRK-034", "BRK-035", "BRK-036"));
    m.add(Mutant.broker("DuplicatesEveryFiftiethMessage", b -> new ForwardingBroker(b) {
      @Override EventHandler handler(EventHandler h, String topic, SubscribeOptions options) {
        AtomicInteger n = new AtomicInteger();
        return e -> {
          h.handle(e);
          if (n.incrementAndGet() % 50 == 0) {
            h.handle(e);
          }
        };
      }
    }, "BRK-009", "BRK-031", "BRK-034", "BRK-035", "BRK-036"));
    m.add(Mutant.broker("MaxPayloadOverstatedByOne", b -> new ForwardingBroker(b) {
      @Override public long maxPayloadBytes() {
        return delegate.maxPayloadBytes() + 1;
      }
    }, "BRK-010"));
    m.add(Mutant.broker("HighBitCleared", b -> new ForwardingBroker(b) {
      @Override public void publish(String topic, Message message) {
        if (message != null) {
          byte[] body = message.body();
          for (int i = 0; i < body.length; i++) {
            body[i] &= 0x7f;
          }
          message = message.withBody(body);
        }
        super.publish(topic, message);
      }
    }, "BRK-010", "BRK-011"));
    m.add(Mutant.broker("AllHandlersShareOneLock", b -> new ForwardingBroker(b) {
      final Object lock = new Object();

      @Override EventHandler handler(EventHandler h, String topic, SubscribeOptions options) {
        return e -> {
          synchronized (lock) {
            h.handle(e);
          }
        };
      }
    }, "BRK-012"));
    m.add(Mutant.broker("HandlerFailuresSwallowed", b -> new ForwardingBroker(b) {
      @Override EventHandler handler(EventHandler h, String topic, SubscribeOptions options) {
        return e -> {
          try {
            h.handle(e);
          } catch (RuntimeException ignored) {
            // swallowed: the ErrorHandler never hears of it
          }
        };
      }
    }, "BRK-013"));
    m.add(Mutant.broker("SecondAckThrows", b -> new ForwardingBroker(b) {
      @Override EventHandler handler(EventHandler h, String topic, SubscribeOptions options) {
        return e -> {
          AtomicBoolean acked = new AtomicBoolean();
          h.handle(new SimpleEvent(e.topic(), e.message()) {
            @Override public void ack() {
              if (!acked.compareAndSet(false, true)) {
                throw new IllegalStateException("already acknowledged");
              }
            }
          });
        };
      }
    }, "BRK-014"));
    m.add(Mutant.broker("QueueGroupsAlwaysPickTheFirstMember", b -> new ForwardingBroker(b) {
      final Map<String, AtomicBoolean> firstTaken = new ConcurrentHashMap<>();

      @Override public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
        if (options == null || options.queueGroup().isEmpty()) {
          return super.subscribe(topic, handler, options);
        }
        boolean first = firstTaken.computeIfAbsent(topic + "/" + options.queue(), k -> new AtomicBoolean()).compareAndSet(false, true);
        // later members subscribe to nothing the publisher uses: the first member gets everything
        return first ? super.subscribe(topic, handler, options)
            : super.subscribe(topic + ".never", handler, options);
      }
    }, "BRK-015"));
    m.add(Mutant.broker("ConcurrentSubscribesGetLost", b -> new ForwardingBroker(b) {
      final AtomicInteger inFlight = new AtomicInteger();

      @Override public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
        int now = inFlight.incrementAndGet();
        try {
          Thread.sleep(20);
          Subscription s = super.subscribe(topic, handler, options);
          if (now > 1) {
            s.unsubscribe();
          }
          return s;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new BrokerException("interrupted", e);
        } finally {
          inFlight.decrementAndGet();
        }
      }
    }, "BRK-016"));
    m.add(Mutant.broker("PublishBeforeConnectIsDropped", b -> new ForwardingBroker(b) {
      @Override public void publish(String topic, Message message) {
        if (delegate.isConnected()) {
          super.publish(topic, message);
        }
      }
    }, "BRK-017", "BRK-024", "BRK-033"));
    m.add(Mutant.broker("ConnectAfterDisconnectIsANoOp", b -> new ForwardingBroker(b) {
      final AtomicBoolean disconnected = new AtomicBoolean();

      @Override public void connect() {
        if (!disconnected.get()) {
          super.connect();
        }
      }

      @Override public void disconnect() {
        if (delegate.isConnected()) {
          disconnected.set(true);
        }
        super.disconnect();
      }
    }, "BRK-018", "BRK-024"));
    m.add(Mutant.broker("DisconnectWhenNotConnectedThrows", b -> new ForwardingBroker(b) {
      @Override public void disconnect() {
        if (!delegate.isConnected()) {
          throw new IllegalStateException("not connected");
        }
        super.disconnect();
      }
    }, "BRK-019"));
    m.add(Mutant.broker("UnsubscribeOnlyFlipsAFlag", b -> new ForwardingBroker(b) {
      @Override public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
        Subscription s = super.subscribe(topic, handler, options);
        AtomicBoolean active = new AtomicBoolean(true);
        return new ForwardingSubscription(s) {
          @Override public boolean isActive() {
            return active.get() && s.isActive();
          }

          @Override public void unsubscribe() {
            active.set(false);
          }
        };
      }
    }, "BRK-020", "BRK-028", "BRK-031"));
    m.add(Mutant.broker("SecondUnsubscribeThrows", b -> new ForwardingBroker(b) {
      @Override public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
        Subscription s = super.subscribe(topic, handler, options);
        AtomicBoolean done = new AtomicBoolean();
        return new ForwardingSubscription(s) {
          @Override public void unsubscribe() {
            if (!done.compareAndSet(false, true)) {
              throw new IllegalStateException("invalid subscription");
            }
            super.unsubscribe();
          }
        };
      }
    }, "BRK-021"));
    m.add(Mutant.broker("SubscriptionOptionsForgotten", b -> new ForwardingBroker(b) {
      @Override public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
        return new ForwardingSubscription(super.subscribe(topic, handler, options)) {
          @Override public SubscribeOptions options() {
            return SubscribeOptions.defaults();
          }
        };
      }
    }, "BRK-022"));
    Set<String> subscribed = ConcurrentHashMap.newKeySet();
    m.add(Mutant.broker("PublishWithoutSubscribersFails", b -> new ForwardingBroker(b) {
      @Override public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
        Subscription s = super.subscribe(topic, handler, options);
        subscribed.add(topic);
        return s;
      }

      @Override public void publish(String topic, Message message) {
        if (delegate.isConnected() && topic != null && !subscribed.contains(topic) && message != null
            && message.bodyLength() < 1000) {
          throw new BrokerException("no subscribers for '" + topic + "'");
        }
        super.publish(topic, message);
      }
    }, "BRK-023", "BRK-025", "BRK-029"));
    m.add(Mutant.broker("SubscriptionsSurviveDisconnect", b -> new ForwardingBroker(b) {
      final List<Object[]> live = new ArrayList<>();

      @Override public synchronized Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
        Subscription s = super.subscribe(topic, handler, options);
        live.add(new Object[] {topic, handler, options == null ? SubscribeOptions.defaults() : options});
        return s;
      }

      @Override public synchronized void connect() {
        boolean was = delegate.isConnected();
        super.connect();
        if (!was) {
          for (Object[] sub : live) {
            delegate.subscribe((String) sub[0], (EventHandler) sub[1], (SubscribeOptions) sub[2]);
          }
        }
      }
    }, "BRK-024"));
    m.add(Mutant.broker("InvalidTopicsAreRepaired", b -> new ForwardingBroker(b) {
      @Override public void publish(String topic, Message message) {
        super.publish(TransportMutants.repair(topic), message);
      }

      @Override public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
        return super.subscribe(TransportMutants.repair(topic), handler, options);
      }
    }, "BRK-025", "BRK-029"));
    m.add(Mutant.broker("NullMessagesAreIgnored", b -> new ForwardingBroker(b) {
      @Override public void publish(String topic, Message message) {
        if (message != null) {
          super.publish(topic, message);
        }
      }
    }, "BRK-026"));
    m.add(Mutant.broker("DisconnectWaitsForRunningHandlers", b -> new ForwardingBroker(b) {
      final AtomicInteger running = new AtomicInteger();

      @Override EventHandler handler(EventHandler h, String topic, SubscribeOptions options) {
        return e -> {
          running.incrementAndGet();
          try {
            h.handle(e);
          } finally {
            running.decrementAndGet();
          }
        };
      }

      @Override public void disconnect() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (running.get() > 0 && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        super.disconnect();
      }
    }, "BRK-027"));
    m.add(Mutant.broker("UnsubscribedQueueMemberStillTakesMessages", b -> new ForwardingBroker(b) {
      @Override public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
        if (options == null || options.queueGroup().isEmpty()) {
          return super.subscribe(topic, handler, options);
        }
        AtomicBoolean gone = new AtomicBoolean();
        Subscription s = super.subscribe(topic, e -> {
          if (!gone.get()) {
            handler.handle(e);
          }
        }, options);
        return new ForwardingSubscription(s) {
          @Override public boolean isActive() {
            return !gone.get();
          }

          @Override public void unsubscribe() {
            gone.set(true);
          }
        };
      }
    }, "BRK-028"));
    return m;
  }

  /**
   * Holds every other event until the next one arrives (or 300 ms pass), then delivers the two
   * in reverse order; calls never overlap.
   */
  static final class PairReversingHandler implements EventHandler {
    private final EventHandler handler;
    private final java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r);
      t.setDaemon(true);
      return t;
    });
    private Event held;

    PairReversingHandler(EventHandler handler) {
      this.handler = handler;
    }

    @Override public synchronized void handle(Event e) throws Exception {
      if (held == null) {
        Event mine = new SimpleEvent(e.topic(), e.message());
        held = mine;
        // Not kept: the mutant only needs the delayed flush; an exception in it shows as a lost event.
        java.util.concurrent.ScheduledFuture<?> unused =
            timer.schedule(() -> flush(mine), 300, java.util.concurrent.TimeUnit.MILLISECONDS);
        return;
      }
      Event first = held;
      held = null;
      handler.handle(e);
      handler.handle(first);
    }

    private synchronized void flush(Event e) {
      if (held == e) {
        held = null;
        try {
          handler.handle(e);
        } catch (Exception ignored) {
          // a late single event
        }
      }
    }
  }

  /** An event with a no-op ack. */
  static class SimpleEvent implements Event {
    private final String topic;
    private final Message message;

    SimpleEvent(String topic, Message message) {
      this.topic = topic;
      this.message = message;
    }

    @Override public String topic() {
      return topic;
    }

    @Override public Message message() {
      return message;
    }

    @Override public void ack() {}
  }

  /** A subscription that forwards to another. */
  static class ForwardingSubscription implements Subscription {
    final Subscription delegate;

    ForwardingSubscription(Subscription delegate) {
      this.delegate = delegate;
    }

    @Override public String topic() {
      return delegate.topic();
    }

    @Override public SubscribeOptions options() {
      return delegate.options();
    }

    @Override public boolean isActive() {
      return delegate.isActive();
    }

    @Override public void unsubscribe() {
      delegate.unsubscribe();
    }
  }
}
