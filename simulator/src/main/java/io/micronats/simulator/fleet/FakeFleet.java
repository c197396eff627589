package io.micronats.simulator.fleet;

import io.micronats.simulator.scenario.Fleet;
import io.micronats.spi.broker.SubscribeOptions;
import io.micronats.spi.broker.Subscription;
import io.micronats.spi.registry.Endpoint;
import io.micronats.spi.registry.Node;
import io.micronats.spi.registry.Service;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The fleet of fake services: each instance registers through the Registry, serves its
 * endpoints through the {@link RpcBinding} over the Transport, and subscribes to its broker topics
 * (a share of them in a queue group). Instances are grouped onto {@link PluginSet}s, one per
 * {@code servicesPerConnection} instances, placed round robin on the service nodes; the instances
 * of one service sit on different plugin sets (so several registries answer for it). Instance j
 * serves version {@code 1.<j mod versionsPerService>.0} and registers {@code nodesPerInstance}
 * nodes (the extra ones without TTL, at the served address).
 *
 * <p>Lifecycle: {@link #growTo} and {@link #shrinkTo} change the size (from one control thread);
 * {@link #crashHostOf} crashes the plugin set hosting an instance, with every instance on it
 * (closed without deregistering), and {@link #restartCrashed()} brings the crashed instances back on
 * fresh plugin sets; {@link #close()} stops every instance and closes the plugin sets (idempotent;
 * crashed instances are not deregistered and close quietly). Request handling happens on the
 * plugins' threads and is thread-safe; the other methods are synchronized.
 */
public final class FakeFleet implements AutoCloseable {
  private final Fleet spec;
  private final RpcBinding binding;
  private final IntFunction<PluginSet> groupFactory;
  private final List<PluginSet> groups = new ArrayList<>();
  private final List<List<FakeService>> services = new ArrayList<>();
  private final LongAdder requests = new LongAdder();
  private final LongAdder events = new LongAdder();
  private final byte[] response;
  private final ThreadLocal<SplittableRandom> random;
  /** Per instance index j, how many instances j were started: instances j fill their own plugin sets. */
  private final int[] instancesCreated;
  private final java.util.function.IntPredicate hosted;
  private final IdentityHashMap<FakeService, Integer> groupOf = new IdentityHashMap<>();
  /** Instances whose plugin set crashed and that were not restarted (yet). */
  private final java.util.Set<FakeService> crashed =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /**
   * A fleet of {@code spec}'s shape; {@code groupFactory} creates plugin set number g (and
   * places it on a node).
   */
  public FakeFleet(Fleet spec, RpcBinding binding, IntFunction<PluginSet> groupFactory, long seed) {
    this(spec, binding, groupFactory, seed, i -> true);
  }

  /**
   * A fleet that hosts only the services {@code hosted} accepts; the others count in
   * {@link #size()} (workloads target them) but run elsewhere, for example in another simulator
   * agent.
   */
  public FakeFleet(Fleet spec, RpcBinding binding, IntFunction<PluginSet> groupFactory, long seed,
      java.util.function.IntPredicate hosted) {
    this.hosted = hosted;
    this.spec = spec;
    this.binding = binding;
    this.groupFactory = groupFactory;
    this.response = new byte[spec.responseBytes()];
    this.instancesCreated = new int[spec.instancesPerService()];
    SplittableRandom root = new SplittableRandom(seed);
    this.random = ThreadLocal.withInitial(() -> {
      synchronized (root) {
        return root.split();
      }
    });
  }

  /** Number of services running. */
  public synchronized int size() {
    return services.size();
  }

  /** Plugin sets (connections) in use. */
  public synchronized int connections() {
    return groups.size();
  }

  /** Requests the fleet's handlers answered. */
  public long requestsHandled() {
    return requests.sum();
  }

  /** Broker events the fleet's subscriptions received. */
  public long eventsReceived() {
    return events.sum();
  }

  /** The RPC binding in use. */
  public RpcBinding binding() {
    return binding;
  }

  /**
   * Starts services until {@code count} run. Registration happens synchronously.
   *
   * @throws Exception when a service cannot start; the services started so far keep running
   */
  public synchronized void growTo(int count) throws Exception {
    while (services.size() < count) {
      int i = services.size();
      List<FakeService> instances = new ArrayList<>();
      for (int j = 0; j < spec.instancesPerService() && hosted.test(i); j++) {
        instances.add(startInstance(i, j));
      }
      services.add(instances);
    }
  }

  /**
   * Stops services (the newest first) until {@code count} run; crashed instances among them are
   * only forgotten (they were never deregistered and are not now).
   */
  public synchronized void shrinkTo(int count) {
    while (services.size() > count) {
      List<FakeService> instances = services.remove(services.size() - 1);
      instances.forEach(FakeService::close);
      instances.forEach(groupOf::remove);
      instances.forEach(crashed::remove);
    }
  }

  private FakeService startInstance(int i, int j) throws Exception {
    int group = (instancesCreated[j] / spec.servicesPerConnection()) * spec.instancesPerService() + j;
    instancesCreated[j]++;
    return startOn(i, j, group);
  }

  /**
   * Plugin set number {@code group}, created when missing, and created afresh (replacing the old
   * one) when it crashed.
   */
  private PluginSet liveGroup(int group) {
    while (groups.size() <= group) {
      groups.add(groupFactory.apply(groups.size()));
    }
    PluginSet set = groups.get(group);
    if (set.crashed()) {
      set = groupFactory.apply(group);
      groups.set(group, set);
    }
    return set;
  }

  private FakeService startOn(int i, int j, int group) throws Exception {
    PluginSet set = liveGroup(group);
    List<Endpoint> endpoints = new ArrayList<>();
    for (int e = 0; e < spec.endpointsPerService(); e++) {
      endpoints.add(Endpoint.of(FleetNames.endpoint(e)));
    }
    Service service = new Service(FleetNames.service(i), FleetNames.version(j % spec.versionsPerService()),
        Map.of("sim", "fleet"), endpoints, List.of());
    RpcBinding.Served served = withExtraNodes(set, binding.serve(set, service, FleetNames.node(i, j), this::handle));
    List<Subscription> subscriptions = new ArrayList<>();
    try {
      boolean queued = (i % 100) < Math.round(spec.queueGroupShare() * 100);
      for (int k = 0; k < spec.topicsPerService(); k++) {
        SubscribeOptions options = queued ? SubscribeOptions.defaults().withQueue(FleetNames.queue(i))
            : SubscribeOptions.defaults();
        subscriptions.add(set.broker().subscribe(FleetNames.topic(i, k), event -> events.increment(), options));
      }
    } catch (RuntimeException e) {
      subscriptions.forEach(Subscription::unsubscribe);
      served.close();
      throw e;
    }
    FakeService created = new FakeService(i, j, served, subscriptions);
    groupOf.put(created, group);
    return created;
  }

  /**
   * Registers the instance's {@code nodesPerInstance - 1} extra nodes (ids {@code <node>.n<k>}) next
   * to its served one; closing the result deregisters them, then closes {@code served}.
   */
  private RpcBinding.Served withExtraNodes(PluginSet set, RpcBinding.Served served) {
    if (spec.nodesPerInstance() <= 1 || served.service().nodes().isEmpty()) {
      return served;
    }
    Node main = served.service().nodes().get(0);
    List<Node> extra = new ArrayList<>();
    for (int k = 1; k < spec.nodesPerInstance(); k++) {
      extra.add(new Node(main.id() + ".n" + k, main.address(), main.metadata()));
    }
    Service extras = served.service().withNodes(extra);
    try {
      set.registry().register(extras);
    } catch (RuntimeException e) {
      served.close();
      throw e;
    }
    return new RpcBinding.Served() {
      @Override
      public Service service() {
        return served.service();
      }

      @Override
      public void close() {
        try {
          set.registry().deregister(extras);
        } catch (RuntimeException e) {
          // a crashed or closed plugin set: its registrations went with it
        }
        served.close();
      }
    };
  }

  private byte[] handle(String endpoint, byte[] request) {
    long nanos = spec.handlerLatency().sampleNanos(random.get());
    if (nanos > 0) {
      long deadline = System.nanoTime() + nanos;
      for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
        LockSupport.parkNanos(left);
      }
    }
    requests.increment();
    return response;
  }

  /** The registry node ids of the instances running and not crashed. */
  public synchronized List<String> liveNodeIds() {
    List<String> ids = new ArrayList<>();
    for (List<FakeService> instances : services) {
      for (FakeService f : instances) {
        if (!crashed.contains(f)) {
          ids.add(FleetNames.node(f.index(), f.instance()));
        }
      }
    }
    return ids;
  }

  /**
   * Crashes the plugin set hosting instance {@code nodeId}, with every service on it: its
   * connection, transport, broker and registry close without deregistering anything, the way a
   * killed process hosting those services looks to the others. The instances' servers stop (no
   * more registration refreshes) without deregistering; nothing is logged above debug level.
   *
   * @return false when no live instance has that id
   */
  public synchronized boolean crashHostOf(String nodeId) {
    for (List<FakeService> instances : services) {
      for (FakeService f : instances) {
        Integer g = groupOf.get(f);
        if (g != null && !crashed.contains(f) && FleetNames.node(f.index(), f.instance()).equals(nodeId)) {
          PluginSet set = groups.get(g);
          set.crash();
          for (Map.Entry<FakeService, Integer> e : groupOf.entrySet()) {
            if (e.getValue().equals(g) && crashed.add(e.getKey())) {
              e.getKey().closeAfterCrash();
            }
          }
          return true;
        }
      }
    }
    return false;
  }

  /** The registry node ids of the crashed instances not restarted yet, in fleet order. */
  public synchronized List<String> crashedNodeIds() {
    List<String> ids = new ArrayList<>();
    for (List<FakeService> instances : services) {
      for (FakeService f : instances) {
        if (crashed.contains(f)) {
          ids.add(FleetNames.node(f.index(), f.instance()));
        }
      }
    }
    return ids;
  }

  /**
   * Brings every crashed instance back, the way a restarted process comes back: each crashed plugin
   * set is created afresh (same number, so the same node and settings) and its instances register,
   * serve and subscribe again under their old node ids.
   *
   * @return the node ids restarted, in fleet order; empty when none had crashed
   * @throws Exception when an instance cannot start; those restarted so far keep running and the
   *     others stay crashed (a later call tries them again)
   */
  public synchronized List<String> restartCrashed() throws Exception {
    return restart(id -> true);
  }

  /**
   * Brings back the crashed instances among {@code nodeIds} (for example those one fault crashed),
   * as {@link #restartCrashed()}; ids of instances that are not crashed are ignored.
   *
   * @return the node ids restarted, in fleet order
   * @throws Exception as {@link #restartCrashed()}
   */
  public synchronized List<String> restartCrashed(java.util.Collection<String> nodeIds) throws Exception {
    java.util.Set<String> wanted = java.util.Set.copyOf(nodeIds);
    return restart(wanted::contains);
  }

  private List<String> restart(java.util.function.Predicate<String> which) throws Exception {
    List<String> restarted = new ArrayList<>();
    for (List<FakeService> instances : services) {
      for (int k = 0; k < instances.size(); k++) {
        FakeService old = instances.get(k);
        String id = FleetNames.node(old.index(), old.instance());
        if (!crashed.contains(old) || !which.test(id)) {
          continue;
        }
        int group = Objects.requireNonNull(groupOf.get(old), id);
        FakeService fresh = startOn(old.index(), old.instance(), group);
        instances.set(k, fresh);
        crashed.remove(old);
        groupOf.remove(old);
        restarted.add(id);
      }
    }
    return restarted;
  }

  /**
   * Stops every instance (deregistering the live ones; crashed ones stay as they are) and closes the
   * plugin sets; idempotent.
   */
  @Override
  public synchronized void close() {
    shrinkTo(0);
    for (PluginSet set : groups) {
      set.close();
    }
    groups.clear();
  }
}
