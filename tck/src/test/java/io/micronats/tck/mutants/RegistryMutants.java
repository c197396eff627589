package io.micronats.tck.mutants;

import io.micronats.spi.RegistryException;
import io.micronats.spi.ServiceNotFoundException;
import io.micronats.spi.plugin.Plugins;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.RegisterOptions;
import io.micronats.spi.registry.Registry;
import io.micronats.spi.registry.Service;
import io.micronats.spi.registry.WatchEvent;
import io.micronats.spi.registry.WatchEvent.Action;
import io.micronats.spi.registry.Watcher;
import io.micronats.tck.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Broken registries, each wrapping the in-memory one with one fault. */
final class RegistryMutants {
  private RegistryMutants() {}

  static List<Mutant> all() {
    List<Mutant> m = new ArrayList<>();
    m.add(Mutant.registry("NodeMetadataDropped", r -> new ForwardingRegistry(r) {
      @Override public void register(Service s, RegisterOptions o) {
        super.register(s == null ? null : s.withNodes(s.nodes().stream().map(n -> Node.of(n.id(), n.address())).toList()), o);
      }
    }, "REG-001", "REG-008", "REG-011"));
    m.add(Mutant.registry("OneEntryPerNode", r -> new ForwardingRegistry(r) {
      @Override public List<Service> getService(String name) {
        List<Service> out = new ArrayList<>();
        for (Service s : super.getService(name)) {
          if (s.nodes().size() <= 1) {
            out.add(s);
          } else {
            s.nodes().forEach(n -> out.add(s.withNodes(List.of(n))));
          }
        }
        return out;
      }
    }, "REG-002", "REG-013"));
    m.add(Mutant.registry("UnknownServiceIsAnEmptyList", r -> new ForwardingRegistry(r) {
      @Override public List<Service> getService(String name) {
        try {
          return super.getService(name);
        } catch (ServiceNotFoundException e) {
          return List.of();
        }
      }
    }, "REG-003"));
    m.add(Mutant.registry("UnknownServiceIsAnOutage", r -> new ForwardingRegistry(r) {
      @Override public List<Service> getService(String name) {
        try {
          return super.getService(name);
        } catch (ServiceNotFoundException e) {
          throw new RegistryException("backend unreachable");
        }
      }
    }, "REG-003", "REG-004", "REG-012", "REG-017", "REG-032", "RPC-002").withRpc());
    m.add(Mutant.registry("DeregisterKeepsTheNodes", r -> new ForwardingRegistry(r) {
      @Override public void deregister(Service s) {
        java.util.Objects.requireNonNull(s);
      }
    }, "REG-004", "REG-005", "REG-012", "REG-024", "REG-027", "REG-029", "REG-032", "REG-035"));
    m.add(Mutant.registry("DeregisterMatchesIdAndAddress", r -> new ForwardingRegistry(r) {
      @Override public void deregister(Service s) {
        List<Node> current;
        try {
          current = super.getService(s.name()).stream().filter(x -> x.version().equals(s.version()))
              .flatMap(x -> x.nodes().stream()).toList();
        } catch (ServiceNotFoundException e) {
          return;
        }
        List<Node> matching = s.nodes().stream().filter(current::contains).toList();
        if (!matching.isEmpty()) {
          super.deregister(s.withNodes(matching));
        }
      }
    }, "REG-005", "REG-035"));
    m.add(Mutant.registry("DeregisterOfUnknownThrows", r -> new ForwardingRegistry(r) {
      @Override public void deregister(Service s) {
        List<String> ids = super.getService(s.name()).stream().filter(x -> x.version().equals(s.version()))
            .flatMap(x -> x.nodes().stream()).map(Node::id).toList();
        for (Node n : s.nodes()) {
          if (!ids.contains(n.id())) {
            throw new ServiceNotFoundException("node " + n.id() + " of '" + s.name() + "' is not registered");
          }
        }
        super.deregister(s);
      }
    }, "REG-006"));
    m.add(Mutant.registry("ReRegisteredNodesListedTwice", r -> new ForwardingRegistry(r) {
      final Map<String, AtomicInteger> registrations = new ConcurrentHashMap<>();

      @Override public void register(Service s, RegisterOptions o) {
        super.register(s, o);
        s.nodes().forEach(n -> registrations.computeIfAbsent(s.name() + "/" + n.id(), k -> new AtomicInteger()).incrementAndGet());
      }

      @Override public List<Service> getService(String name) {
        List<Service> out = new ArrayList<>();
        for (Service s : super.getService(name)) {
          List<Node> nodes = new ArrayList<>();
          for (Node n : s.nodes()) {
            nodes.add(n);
            AtomicInteger count = registrations.get(name + "/" + n.id());
            if (count != null && count.get() > 1) {
              nodes.add(n);
            }
          }
          out.add(s.withNodes(nodes));
        }
        return out;
      }
    }, "REG-007", "REG-008"));
    m.add(Mutant.registry("ReRegistrationKeepsTheOldNode", r -> new ForwardingRegistry(r) {
      @Override public void register(Service s, RegisterOptions o) {
        List<String> known;
        try {
          known = super.getService(s.name()).stream().filter(x -> x.version().equals(s.version()))
              .flatMap(x -> x.nodes().stream()).map(Node::id).toList();
        } catch (ServiceNotFoundException e) {
          known = List.of();
        }
        List<String> ids = known;
        List<Node> fresh = s.nodes().stream().filter(n -> !ids.contains(n.id())).toList();
        if (!fresh.isEmpty()) {
          super.register(s.withNodes(fresh), o);
        }
      }
    }, "REG-008", "REG-018", "REG-035"));
    m.add(Mutant.registry("ListServicesSkipsTheEmptyVersion", r -> new ForwardingRegistry(r) {
      @Override public List<Service> listServices() {
        return super.listServices().stream().filter(s -> !s.version().isEmpty()).toList();
      }
    }, "REG-009"));
    m.add(Mutant.registry("ReturnsItsInternalList", r -> new ForwardingRegistry(r) {
      final ThreadLocal<Map<String, List<Service>>> lists = ThreadLocal.withInitial(java.util.HashMap::new);

      @Override public List<Service> getService(String name) {
        List<Service> fresh = super.getService(name);
        List<Service> shared = lists.get().computeIfAbsent(name, k -> new ArrayList<>(fresh));
        synchronized (shared) {
          if (shared.isEmpty()) {
            return shared;
          }
          shared.clear();
          shared.addAll(fresh);
          return shared;
        }
      }
    }, "REG-010"));
    m.add(Mutant.registry("EndpointsDropped", r -> new ForwardingRegistry(r) {
      @Override public void register(Service s, RegisterOptions o) {
        super.register(s == null ? null : s.withEndpoints(List.of()), o);
      }
    }, "REG-011"));
    m.add(Mutant.custom("InstancesDoNotShareRegistrations", Role.REGISTRY, ns -> {
      AtomicInteger n = new AtomicInteger();
      return Mutant.target(ns, null, null, () -> Plugins.registry("memory", Mutant.config(ns + "-" + n.incrementAndGet())));
    }, "REG-011", "REG-012", "REG-015", "REG-029", "REG-032", "REG-033", "REG-034", "REG-035", "RPC-007", "RPC-008", "RPC-009").withRpc());
    m.add(Mutant.registry("AddressesLowerCased", r -> new ForwardingRegistry(r) {
      @Override public void register(Service s, RegisterOptions o) {
        super.register(s == null ? null : s.withNodes(s.nodes().stream()
            .map(n -> new Node(n.id(), n.address().toLowerCase(Locale.ROOT), n.metadata())).toList()), o);
      }
    }, "REG-013"));
    m.add(Mutant.registry("InvalidNamesAreNotFound", r -> new ForwardingRegistry(r) {
      @Override public List<Service> getService(String name) {
        try {
          return super.getService(name);
        } catch (IllegalArgumentException e) {
          throw new ServiceNotFoundException("service '" + name + "' not found");
        }
      }
    }, "REG-014"));
    m.add(Mutant.registry("ConcurrentRegistrationsGetLost", r -> new ForwardingRegistry(r) {
      @Override public void register(Service s, RegisterOptions o) {
        int now = IN_FLIGHT.incrementAndGet();
        try {
          Thread.sleep(10);
          if (now == 1) {
            super.register(s, o);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          IN_FLIGHT.decrementAndGet();
        }
      }
    }, "REG-015", "REG-032"));
    m.add(Mutant.registry("ConcurrentLookupsSeeHalfTheService", r -> new ForwardingRegistry(r) {
      final AtomicInteger inFlight = new AtomicInteger();

      @Override public List<Service> getService(String name) {
        int now = inFlight.incrementAndGet();
        try {
          Thread.sleep(2);
          List<Service> all = super.getService(name);
          return now > 1 && all.size() > 1 ? all.subList(0, 1) : all;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RegistryException("interrupted", e);
        } finally {
          inFlight.decrementAndGet();
        }
      }
    }, "REG-016"));
    m.add(Mutant.registry("CloseLeavesWatchersRunning", r -> new ForwardingRegistry(r) {
      @Override public void close() {
        // the delegate (and its watchers) stay open
      }
    }, "REG-020", "REG-033"));
    m.add(Mutant.registry("TtlIgnored", r -> new ForwardingRegistry(r) {
      @Override public void register(Service s, RegisterOptions o) {
        super.register(s, o == null ? null : RegisterOptions.defaults());
      }
    }, "REG-017", "REG-019", "REG-031"));
    m.add(Mutant.registry("CreateReportedAsUpdate", r -> new ForwardingRegistry(r) {
      @Override Watcher watcher(Watcher w) {
        return mapping(w, e -> e.action() == Action.CREATE ? new WatchEvent(Action.UPDATE, e.service()) : e);
      }
    }, "REG-022", "REG-027", "REG-028", "REG-029", "REG-031"));
    m.add(Mutant.registry("UpdateReportedAsCreate", r -> new ForwardingRegistry(r) {
      @Override Watcher watcher(Watcher w) {
        return mapping(w, e -> e.action() == Action.UPDATE ? new WatchEvent(Action.CREATE, e.service()) : e);
      }
    }, "REG-023"));
    m.add(Mutant.registry("DeleteEventsCarryNoNodes", r -> new ForwardingRegistry(r) {
      @Override Watcher watcher(Watcher w) {
        return mapping(w, e -> e.action() == Action.DELETE ? new WatchEvent(Action.DELETE, e.service().withNodes(List.of())) : e);
      }
    }, "REG-024", "REG-031", "REG-032"));
    m.add(Mutant.registry("WatchOfANameSeesEverything", r -> new ForwardingRegistry(r) {
      @Override public Watcher watch(String service) {
        java.util.Objects.requireNonNull(service);
        return super.watch();
      }
    }, "REG-014", "REG-025"));
    m.add(Mutant.registry("StopDoesNotWakeABlockedNext", r -> new ForwardingRegistry(r) {
      @Override Watcher watcher(Watcher w) {
        AtomicBoolean stopped = new AtomicBoolean();
        return new ForwardingWatcher(w) {
          @Override public Optional<WatchEvent> next(Duration timeout) throws InterruptedException {
            if (stopped.get()) {
              throw new io.micronats.spi.ClosedException("stopped");
            }
            return super.next(timeout);
          }

          @Override public void stop() {
            stopped.set(true);
          }
        };
      }
    }, "REG-026"));
    m.add(Mutant.registry("WatcherDropsEveryThirdEvent", r -> new ForwardingRegistry(r) {
      @Override Watcher watcher(Watcher w) {
        AtomicInteger n = new AtomicInteger();
        return new ForwardingWatcher(w) {
          @Override public Optional<WatchEvent> next(Duration timeout) throws InterruptedException {
            Optional<WatchEvent> e = super.next(timeout);
            if (e.isPresent() && n.incrementAndGet() % 3 == 0) {
              return super.next(timeout);
            }
            return e;
          }
        };
      }
    }, "REG-027", "REG-032"));
    m.add(Mutant.registry("WatchersShareOneQueue", r -> new ForwardingRegistry(r) {
      final Map<String, Watcher> shared = new ConcurrentHashMap<>();

      @Override public Watcher watch(String service) {
        if (service == null) {
          return super.watch(null);
        }
        Watcher one = shared.computeIfAbsent(service, delegate::watch);
        return new ForwardingWatcher(one) {
          @Override public void stop() {
            shared.remove(service, one);
            super.stop();
          }
        };
      }
    }, "REG-028"));
    m.add(Mutant.registry("NextReturnsEarly", r -> new ForwardingRegistry(r) {
      @Override Watcher watcher(Watcher w) {
        return new ForwardingWatcher(w) {
          @Override public Optional<WatchEvent> next(Duration timeout) throws InterruptedException {
            return super.next(Duration.ZERO);
          }
        };
      }
    }, "REG-020", "REG-026", "REG-030", "REG-031"));
    return m;
  }

  static final AtomicInteger IN_FLIGHT = new AtomicInteger();

  static Watcher mapping(Watcher w, java.util.function.UnaryOperator<WatchEvent> map) {
    return new ForwardingWatcher(w) {
      @Override public Optional<WatchEvent> next(Duration timeout) throws InterruptedException {
        return super.next(timeout).map(map);
      }
    };
  }
}
