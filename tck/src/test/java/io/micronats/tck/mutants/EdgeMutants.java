package io.micronats.tck.mutants;

import io.micronats.spi.Message;
import io.micronats.spi.NotConnectedException;
import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.broker.Event;
import io.micronats.spi.broker.EventHandler;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.Watcher;
import io.micronats.spi.transport.AcceptHandler;
import io.micronats.spi.transport.Listener;
import io.micronats.spi.transport.Socket;
import io.micronats.tck.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Broken implementations that only the rules of issue 12 catch: faults that show only with
 * several threads, several instances, after {@code close()}, on unusual data shapes, or once in
 * a thousand calls ({@link RareFault}).
 */
final class EdgeMutants {
  private EdgeMutants() {}

  static List<Mutant> all() {
    List<Mutant> m = new ArrayList<>();
    transports(m);
    brokers(m);
    registries(m);
    return m;
  }

  /** Sleeps a millisecond: widens a race window the way a slow backend call would. */
  static void pause() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void transports(List<Mutant> m) {
    m.add(Mutant.transport("SendRacingCloseThrowsIllegalState", t -> new ForwardingTransport(t) {
      @Override Socket client(Socket s) {
        return new ForwardingSocket(s) {
          volatile boolean closing;

          @Override public void send(Message message) {
            if (closing && s.isOpen()) {
              throw new IllegalStateException("socket is closing");
            }
            super.send(message);
          }

          @Override public void close() {
            closing = true;
            for (int i = 0; i < 20; i++) {
              pause();
            }
            super.close();
          }
        };
      }
    }, "TRN-035"));
    m.add(Mutant.transport("GeneratedAddressesCountedPerInstance", t -> new ForwardingTransport(t) {
      final AtomicInteger next = new AtomicInteger();

      @Override public Listener listen(AcceptHandler handler) {
        return handler == null ? super.listen(handler) : listen("tck.auto." + next.incrementAndGet(), handler);
      }
    }, "TRN-036"));
    m.add(Mutant.custom("TransportCloseClosesEveryInstancesListeners", Role.TRANSPORT, ns -> {
      Set<Listener> everyInstance = ConcurrentHashMap.newKeySet();
      return Mutant.target(ns, () -> new ForwardingTransport(Plugins.transport("memory", Mutant.config(ns))) {
        @Override Listener listener(Listener l) {
          everyInstance.add(l);
          return l;
        }

        @Override public void close() {
          everyInstance.forEach(Listener::close);
          super.close();
        }
      }, null, null);
    }, "TRN-037"));
    m.add(Mutant.transport("ServerDropsOneReplyInAThousand", t -> new ForwardingTransport(t) {
      final RareFault fault = new RareFault();

      @Override Socket server(Socket s) {
        return new ForwardingSocket(s) {
          @Override public void send(Message message) {
            if (!fault.strikes()) {
              super.send(message);
            }
          }
        };
      }
    }, "TRN-038"));
    m.add(Mutant.transport("ServerMisroutesOneReplyInAThousand", t -> new ForwardingTransport(t) {
      final RareFault fault = new RareFault();
      final List<Socket> accepted = new CopyOnWriteArrayList<>();

      @Override Socket server(Socket s) {
        accepted.add(s);
        return new ForwardingSocket(s) {
          @Override public void send(Message message) {
            if (fault.strikes()) {
              for (Socket other : accepted) {
                if (other != s && other.isOpen()) {
                  other.send(message);
                  return;
                }
              }
            }
            super.send(message);
          }
        };
      }
    }, "TRN-038"));
  }

  private static void brokers(List<Mutant> m) {
    m.add(Mutant.broker("UnsubscribeLostWhenConcurrent", b -> new ForwardingBroker(b) {
      final AtomicInteger inFlight = new AtomicInteger();

      @Override public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
        inFlight.incrementAndGet();
        try {
          pause();
          Subscription s = super.subscribe(topic, handler, options);
          return new Subscription() {
            volatile boolean off;

            @Override public String topic() {
              return s.topic();
            }

            @Override public SubscribeOptions options() {
              return s.options();
            }

            @Override public boolean isActive() {
              return !off && s.isActive();
            }

            @Override public void unsubscribe() {
              int racing = inFlight.incrementAndGet();
              try {
                pause();
                if (racing == 1 && inFlight.get() == 1) {
                  s.unsubscribe(); // a lost update: only an uncontended unsubscribe reaches the backend
                }
                off = true;
              } finally {
                inFlight.decrementAndGet();
              }
            }
          };
        } finally {
          inFlight.decrementAndGet();
        }
      }
    }, "BRK-031"));
    m.add(Mutant.custom("DisconnectEndsEveryInstancesSubscriptions", Role.BROKER, ns -> {
      Set<Subscription> everyInstance = ConcurrentHashMap.newKeySet();
      return Mutant.target(ns, null, () -> new ForwardingBroker(Plugins.broker("memory", Mutant.config(ns))) {
        @Override public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
          Subscription s = super.subscribe(topic, handler, options);
          everyInstance.add(s);
          return s;
        }

        @Override public void disconnect() {
          everyInstance.forEach(Subscription::unsubscribe);
          super.disconnect();
        }

        @Override public void close() {
          everyInstance.forEach(Subscription::unsubscribe);
          super.close();
        }
      }, null);
    }, "BRK-032"));
    m.add(Mutant.broker("CloseLeavesSubscriptionsDelivering", b -> new ForwardingBroker(b) {
      volatile boolean closed;

      @Override public boolean isConnected() {
        return !closed && super.isConnected();
      }

      @Override public void publish(String topic, Message message) {
        if (closed) {
          throw new NotConnectedException("closed");
        }
        super.publish(topic, message);
      }

      @Override public Subscription subscribe(String topic, EventHandler handler, SubscribeOptions options) {
        if (closed) {
          throw new NotConnectedException("closed");
        }
        return super.subscribe(topic, handler, options);
      }

      @Override public void close() {
        closed = true; // forgets to disconnect the backend: its subscriptions keep delivering
      }
    }, "BRK-033"));
    m.add(Mutant.broker("DropsOneDeliveryInAThousand", b -> new ForwardingBroker(b) {
      @Override EventHandler handler(EventHandler h, String topic, SubscribeOptions options) {
        RareFault fault = new RareFault(); // one per subscription: its 1,765th delivery is the first struck
        return e -> {
          if (!fault.strikes()) {
            h.handle(e);
          }
        };
      }
    }, "BRK-031", "BRK-034", "BRK-036"));
    m.add(Mutant.broker("DuplicatesOneDeliveryInAThousand", b -> new ForwardingBroker(b) {
      @Override EventHandler handler(EventHandler h, String topic, SubscribeOptions options) {
        RareFault fault = new RareFault(); // one per subscription: its 1,765th delivery is the first struck
        return e -> {
          h.handle(e);
          if (fault.strikes()) {
            h.handle(e);
          }
        };
      }
    }, "BRK-031", "BRK-034", "BRK-036"));
    m.add(Mutant.broker("SwapsOneDeliveryPairInAThousand", b -> new ForwardingBroker(b) {
      @Override EventHandler handler(EventHandler h, String topic, SubscribeOptions options) {
        RareFault fault = new RareFault(); // one per subscription: its 1,765th delivery is the first struck
        return new EventHandler() {
          Event held; // handler calls of one subscription are serial

          @Override public void handle(Event e) throws Exception {
            if (held != null) {
              Event first = held;
              held = null;
              h.handle(e);
              h.handle(first);
            } else if (fault.strikes()) {
              held = e;
            } else {
              h.handle(e);
            }
          }
        };
      }
    }, "BRK-031", "BRK-034"));
    m.add(Mutant.broker("QueueMemberGetsOneMessageInAThousandTwice", b -> new ForwardingBroker(b) {
      final RareFault fault = new RareFault(); // shared by the instance's queue members

      @Override EventHandler handler(EventHandler h, String topic, SubscribeOptions options) {
        if (options == null || options.queueGroup().isEmpty()) {
          return h;
        }
        return e -> {
          h.handle(e);
          if (fault.strikes()) {
            h.handle(e); // a redelivery inside the group
          }
        };
      }
    }, "BRK-035"));
    m.add(Mutant.broker("MisroutesOnePublishInAThousand", b -> new ForwardingBroker(b) {
      final RareFault fault = new RareFault();
      volatile String previous;

      @Override public void publish(String topic, Message message) {
        String other = previous;
        previous = topic;
        if (other != null && !other.equals(topic) && fault.strikes()) {
          super.publish(other, message);
        } else {
          super.publish(topic, message);
        }
      }
    }, "BRK-036"));
  }

  private static void registries(List<Mutant> m) {
    m.add(Mutant.registry("DeregisterLostWhenConcurrent", r -> new ForwardingRegistry(r) {
      final AtomicInteger inFlight = new AtomicInteger();

      @Override public void register(Service s, RegisterOptions o) {
        inFlight.incrementAndGet();
        try {
          pause();
          super.register(s, o);
        } finally {
          inFlight.decrementAndGet();
        }
      }

      @Override public void deregister(Service s) {
        int racing = inFlight.incrementAndGet();
        try {
          pause();
          if (racing == 1 && inFlight.get() == 1) {
            super.deregister(s); // a lost update: only an uncontended deregister takes effect
          } else {
            java.util.Objects.requireNonNull(s);
          }
        } finally {
          inFlight.decrementAndGet();
        }
      }
    }, "REG-032"));
    m.add(Mutant.custom("RegistryCloseStopsEveryInstancesWatchers", Role.REGISTRY, ns -> {
      Set<Watcher> everyInstance = ConcurrentHashMap.newKeySet();
      return Mutant.target(ns, null, null, () -> new ForwardingRegistry(Plugins.registry("memory", Mutant.config(ns))) {
        @Override Watcher watcher(Watcher w) {
          everyInstance.add(w);
          return w;
        }

        @Override public void close() {
          everyInstance.forEach(Watcher::stop);
          super.close();
        }
      });
    }, "REG-033"));
    m.add(Mutant.registry("AnswersAtMostTwoVersions", r -> new ForwardingRegistry(r) {
      @Override public List<Service> getService(String name) {
        List<Service> all = super.getService(name);
        return all.size() <= 2 ? all : List.copyOf(all.subList(0, 2));
      }
    }, "REG-034"));
    m.add(Mutant.registry("OneLookupInFiveMissesAVersion", r -> new ForwardingRegistry(r) {
      final AtomicInteger lookups = new AtomicInteger();

      @Override public List<Service> getService(String name) {
        List<Service> all = super.getService(name);
        if (all.size() >= 3 && lookups.incrementAndGet() % 5 == 0) {
          return List.copyOf(all.subList(0, all.size() - 1)); // an answer completed before the last answerer replied
        }
        return all;
      }
    }, "REG-034"));
    m.add(Mutant.registry("VersionsWithoutNodesHidden", r -> new ForwardingRegistry(r) {
      @Override public List<Service> getService(String name) {
        List<Service> withNodes = super.getService(name).stream().filter(s -> !s.nodes().isEmpty()).toList();
        if (withNodes.isEmpty()) {
          throw new ServiceNotFoundException("service '" + name + "' not found");
        }
        return withNodes;
      }

      @Override public List<Service> listServices() {
        return super.listServices().stream().filter(s -> !s.nodes().isEmpty()).toList();
      }
    }, "REG-035"));
  }
}
